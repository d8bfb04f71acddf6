import { readFileSync } from 'node:fs'

import type { z } from 'zod'

import { fichierVocabulaire, problemesEntreEntrees, type EntreeVocabulaire, type Vocabulaire } from './schema.ts'

export { cleExpression, entreeVocabulaire, fichierVocabulaire } from './schema.ts'
export type { EntreeVocabulaire, Vocabulaire, VocabulaireSaisi } from './schema.ts'
export { compilerVocabulaire, type VocabulaireCompile, type EntreeCompilee, type Reconnaissance } from './compilation.ts'

/** Erreur de vocabulaire : chaque problème nomme l'entrée et le champ, en français. */
export class ErreurVocabulaire extends Error {
  constructor(public readonly problemes: string[]) {
    super(`Vocabulaire de recherche invalide :\n${problemes.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ErreurVocabulaire'
  }
}

function lieu(donnees: unknown, chemin: readonly PropertyKey[]): string {
  const [racine, index, ...reste] = chemin
  if (racine === 'entrees' && typeof index === 'number') {
    const entrees = (donnees as { entrees?: unknown[] } | undefined)?.entrees
    const code = (entrees?.[index] as { code?: unknown } | undefined)?.code
    return `entrees[${index}]${typeof code === 'string' ? ` (${code})` : ''}${reste.length ? ` › ${reste.join('.')}` : ''}`
  }
  return chemin.length ? chemin.join('.') : 'racine'
}

/** Valide un vocabulaire (fichier, ou référentiel relu du CMS) ; lève une `ErreurVocabulaire` lisible. */
export function validerVocabulaire(donnees: unknown): Vocabulaire {
  const r = fichierVocabulaire.safeParse(donnees)
  if (r.success) return r.data
  const problemes = r.error.issues.map((i: z.core.$ZodIssue) => `${lieu(donnees, i.path)} : ${i.message}`)
  // Les règles entre entrées ne s'exécutent pas quand une entrée est invalide :
  // on les vérifie à part, pour tout signaler d'un coup.
  for (const p of problemesEntreEntrees(donnees)) {
    const message = `${lieu(donnees, p.path)} : ${p.message}`
    if (!problemes.includes(message)) problemes.push(message)
  }
  throw new ErreurVocabulaire(problemes)
}

let parDefaut: Vocabulaire | undefined

/**
 * Vocabulaire livré avec Passerelle (search/vocabulaire/vocabulaire.json) :
 * la graine du référentiel que l'opérateur modifie ensuite dans l'admin, et le
 * vocabulaire des tests et du banc d'essai.
 */
export function vocabulaireParDefaut(): Vocabulaire {
  parDefaut ??= validerVocabulaire(JSON.parse(readFileSync(new URL('./vocabulaire.json', import.meta.url), 'utf8')))
  return parDefaut
}

/**
 * Entrées du vocabulaire à l'état « à plat », prêtes à amorcer un référentiel
 * du CMS (une fiche par entrée). `vocabulaireDepuisEntrees` fait le chemin
 * inverse quand le moteur relit le référentiel.
 */
export function entreesPourReferentiel(vocabulaire: Vocabulaire = vocabulaireParDefaut()): EntreeVocabulaire[] {
  return vocabulaire.entrees.map((e) => structuredClone(e))
}

/**
 * Reconstitue un vocabulaire validé depuis les fiches du référentiel (et les
 * mots vides et abréviations, s'ils y sont tenus ; sinon ceux livrés).
 */
export function vocabulaireDepuisEntrees(
  entrees: readonly unknown[],
  motsVides: readonly string[] = vocabulaireParDefaut().mots_vides,
  abreviations: Readonly<Record<string, string>> = vocabulaireParDefaut().abreviations,
): Vocabulaire {
  return validerVocabulaire({ version: 1, mots_vides: [...motsVides], abreviations: { ...abreviations }, entrees })
}
