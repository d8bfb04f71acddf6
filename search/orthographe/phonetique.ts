import { createRequire } from 'node:module'

/**
 * Code phonétique français d'un mot (algorithme « Phonétique » d'Édouard
 * Berge, tel que la bibliothèque talisman l'implémente) : « hebergemen » et
 * « hébergement », « psikiatre » et « psychiatre », « lojement » et
 * « logement », « kel » et « quel » ont le même code. Il sert à retrouver le
 * mot de l'annuaire ou du vocabulaire qu'une saisie écrite « comme ça se
 * prononce » voulait dire (search/orthographe/preparation.ts).
 *
 * talisman est publié en CommonJS sans types : chargé par `require`, pour
 * que tsx, vitest et le serveur construit par Astro le lisent de la même façon.
 */
const require = createRequire(import.meta.url)
const module_ = require('talisman/phonetics/french/phonetic.js') as ((mot: string) => string) | { default: (mot: string) => string }
const phonetiqueTalisman = typeof module_ === 'function' ? module_ : module_.default

/** Codes déjà calculés (le vocabulaire d'un annuaire tient en quelques milliers de mots). */
const codes = new Map<string, string>()
const MAX_CODES = 100_000

/** Code phonétique d'un mot replié (sans accents, minuscules) ; chaîne vide pour un mot sans lettre. */
export function codePhonetique(mot: string): string {
  let code = codes.get(mot)
  if (code === undefined) {
    if (codes.size >= MAX_CODES) codes.clear()
    code = /[a-z]/.test(mot) ? phonetiqueTalisman(mot) : ''
    codes.set(mot, code)
  }
  return code
}
