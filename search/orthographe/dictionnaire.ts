import { createRequire } from 'node:module'

import { replier } from '../texte.ts'

/**
 * Mots de la langue française (liste `an-array-of-french-words`, 336 000
 * formes fléchies, issue du dictionnaire Hunspell français). Elle sert à ne pas
 * « corriger » un vrai mot : « vétérinaire », « guitare » ou « trouvés » sont
 * des mots justes absents de l'annuaire, la recherche doit alors dire
 * « aucun résultat », pas les rapprocher d'un mot qui sonne pareil.
 *
 * La liste est gardée sous forme d'empreintes (32 bits, triées, 1,3 Mo) plutôt
 * que de chaînes (plus de 60 Mo) ; une collision (une chance sur plusieurs
 * milliers pour un mot inventé) ferait seulement prendre un mot inconnu pour un
 * mot juste, donc ne pas le corriger. Chargée au premier usage (environ une
 * seconde), une fois par processus.
 *
 * nspell et dictionary-fr ont été essayés pour les suggestions : 24 s de
 * chargement, 750 Mo de mémoire et 100 ms par suggestion (search/DECISION.md).
 */

/** Empreinte FNV-1a 32 bits d'un mot. */
export function empreinte(mot: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < mot.length; i++) {
    h ^= mot.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

let empreintes: Uint32Array | undefined

function charger(): Uint32Array {
  const require = createRequire(import.meta.url)
  const liste = require('an-array-of-french-words') as string[]
  const tableau = new Uint32Array(liste.length)
  let n = 0
  for (const forme of liste) {
    // Formes composées (« sans-papiers », « aujourd'hui ») : la recherche découpe aux traits d'union.
    if (!/^[\p{L}]+$/u.test(forme)) continue
    tableau[n++] = empreinte(replier(forme))
  }
  return tableau.subarray(0, n).sort()
}

/** Le mot (replié) est-il un mot de la langue française ? */
export function estMotFrancais(mot: string): boolean {
  empreintes ??= charger()
  const h = empreinte(mot)
  let bas = 0
  let haut = empreintes.length - 1
  while (bas <= haut) {
    const milieu = (bas + haut) >>> 1
    const v = empreintes[milieu]!
    if (v === h) return true
    if (v < h) bas = milieu + 1
    else haut = milieu - 1
  }
  return false
}
