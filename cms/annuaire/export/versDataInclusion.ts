import { jourLocal } from '../../../domaine/temps'
import type { ServiceDataInclusion, StructureDataInclusion } from '../../../content/schemas/data-inclusion'
import { CHAMPS_NOMBRES, CHAMPS_SERVICE, CHAMPS_STRUCTURE } from '../../../domaine/annuaire/champs'
import { champTelephone } from '../../fields/telephone'
import type { Service, Structure } from '../../payload-types'

/**
 * Passage inverse de `../dataInclusion.ts` : document Payload → enregistrement
 * data·inclusion v1 (avec les extensions Passerelle `type_partenaire` et
 * `numero_court`). Sert à l'export, et à l'import pour décider si un
 * enregistrement reçu est « inchangé » : on compare les deux côtés dans le même
 * espace (champs data·inclusion normalisés), jamais `updatedAt`.
 *
 * Normalisation : une valeur nulle, vide ou une liste vide équivaut à un champ
 * absent ; le téléphone est mis en forme comme le fait la collection
 * (« 0465711234 » → « 04 65 71 12 34 ») ; la date de mise à jour est une date
 * civile AAAA-MM-JJ (fuseau de Paris). `contact_nom_prenom` n'est jamais
 * conservé ni exporté (donnée personnelle).
 */

/** Date civile AAAA-MM-JJ d'une date stockée (instant ISO) ou déjà civile. */
export function dateCivile(valeur: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(valeur)) return valeur
  const d = new Date(valeur)
  return Number.isNaN(d.getTime()) ? valeur : jourLocal(d)
}

// Même mise en forme que le champ de la collection (hook beforeValidate) : une seule règle.
const hookTelephone = champTelephone().hooks?.beforeValidate?.[0] as unknown as (args: { value: unknown }) => unknown
export const normaliserTelephone = (valeur: string): string => {
  const v = hookTelephone({ value: valeur })
  return typeof v === 'string' ? v : valeur
}

/** Valeur normalisée d'un champ, `undefined` si le champ est absent, nul ou vide. */
function normaliser(champ: string, valeur: unknown): unknown {
  if (valeur === null || valeur === undefined || valeur === '') return undefined
  if (Array.isArray(valeur)) return valeur.length === 0 ? undefined : valeur.map(String)
  if (CHAMPS_NOMBRES.has(champ)) return Number(valeur)
  if (champ === 'telephone' && typeof valeur === 'string') return normaliserTelephone(valeur)
  if (champ === 'date_maj' && typeof valeur === 'string') return dateCivile(valeur)
  return valeur
}

type Enregistrement = Record<string, unknown>

function choisir(champs: readonly string[], lire: (champ: string) => unknown): Enregistrement {
  const sortie: Enregistrement = {}
  for (const champ of champs) {
    const v = normaliser(champ, lire(champ))
    if (v !== undefined) sortie[champ] = v
  }
  return sortie
}

/** Document Payload « structures » → structure data·inclusion v1. */
export function documentVersStructure(doc: Structure): StructureDataInclusion {
  const d = doc as unknown as Enregistrement
  return choisir(CHAMPS_STRUCTURE, (c) => (c === 'id' ? doc.id_source : d[c])) as StructureDataInclusion
}

/** Document Payload « services » → service data·inclusion v1 ; `idSourceStructure` est l'identifiant data·inclusion de sa structure. */
export function documentVersService(doc: Service, idSourceStructure: string): ServiceDataInclusion {
  const d = doc as unknown as Enregistrement
  return choisir(CHAMPS_SERVICE, (c) =>
    c === 'id' ? doc.id_source : c === 'structure_id' ? idSourceStructure : d[c],
  ) as ServiceDataInclusion
}

/** Enregistrement reçu (déjà validé par zod) ramené à la même forme que `documentVers…` pour comparaison. */
export const structureNormalisee = (s: StructureDataInclusion) =>
  choisir(CHAMPS_STRUCTURE, (c) => (s as Enregistrement)[c]) as StructureDataInclusion
export const serviceNormalise = (s: ServiceDataInclusion) =>
  choisir(CHAMPS_SERVICE, (c) => (s as Enregistrement)[c]) as ServiceDataInclusion

/** Noms des champs qui diffèrent entre deux enregistrements normalisés (jamais leurs valeurs). */
export function champsDifferents(a: object, b: object, champs: readonly string[]): string[] {
  const x = a as Enregistrement
  const y = b as Enregistrement
  return champs.filter((c) => JSON.stringify(x[c]) !== JSON.stringify(y[c]))
}
