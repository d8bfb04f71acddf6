import { referentiels } from '../content/schemas/data-inclusion.ts'
import type { DocumentService, Facettes, ValeurFacette } from './port.ts'

/**
 * Facettes des résultats : pour chaque dimension filtrable, combien de
 * résultats pertinents portent chaque code, avec son libellé. Calculées sur
 * tous les résultats (pas seulement la page affichée), après les filtres :
 * c'est aussi ce que renvoie Meilisearch (`facetDistribution`).
 */

const LIBELLES: Record<keyof Facettes, Record<string, string>> = {
  thematiques: referentiels.thematiques,
  publics: referentiels.publics,
  types_partenaires: referentiels.typesPartenaires,
  modes_accueil: referentiels.modesAccueil,
  frais: referentiels.frais,
}

/** Codes d'un document pour chaque dimension de facette. */
export function codesDeFacettes(doc: DocumentService): Record<keyof Facettes, readonly string[]> {
  return {
    thematiques: doc.thematiques,
    publics: doc.publics,
    types_partenaires: [doc.type_partenaire],
    modes_accueil: doc.modes_accueil,
    frais: doc.frais ? [doc.frais] : [],
  }
}

/** Un seul comparateur français : `localeCompare(…, 'fr')` en recrée un à chaque appel. */
const ORDRE_FR = new Intl.Collator('fr')

/** Met en forme des comptes bruts (code → nombre) : libellés, tri par nombre décroissant puis libellé. */
export function facettesDepuisComptes(comptes: Partial<Record<keyof Facettes, Record<string, number>>>): Facettes {
  const resultat = {} as Facettes
  for (const dimension of Object.keys(LIBELLES) as (keyof Facettes)[]) {
    const valeurs: ValeurFacette[] = Object.entries(comptes[dimension] ?? {}).map(([code, nombre]) => ({
      code,
      libelle: LIBELLES[dimension][code] ?? code,
      nombre,
    }))
    valeurs.sort((a, b) => b.nombre - a.nombre || ORDRE_FR.compare(a.libelle, b.libelle))
    resultat[dimension] = valeurs
  }
  return resultat
}

/** Facettes d'une liste de documents. */
export function calculerFacettes(documents: Iterable<DocumentService>): Facettes {
  const thematiques = new Map<string, number>()
  const publics = new Map<string, number>()
  const types = new Map<string, number>()
  const modes = new Map<string, number>()
  const frais = new Map<string, number>()
  const compter = (m: Map<string, number>, code: string) => m.set(code, (m.get(code) ?? 0) + 1)
  for (const doc of documents) {
    for (const t of doc.thematiques) compter(thematiques, t)
    for (const p of doc.publics) compter(publics, p)
    compter(types, doc.type_partenaire)
    for (const m of doc.modes_accueil) compter(modes, m)
    if (doc.frais) compter(frais, doc.frais)
  }
  return facettesDepuisComptes({
    thematiques: Object.fromEntries(thematiques),
    publics: Object.fromEntries(publics),
    types_partenaires: Object.fromEntries(types),
    modes_accueil: Object.fromEntries(modes),
    frais: Object.fromEntries(frais),
  })
}

export const facettesVides = (): Facettes => facettesDepuisComptes({})

// ---------------------------------------------------------------------------
// Comptage rapide pour le moteur embarqué
// ---------------------------------------------------------------------------

/**
 * À 10 000 services, une requête large a des milliers de résultats : compter
 * leurs facettes dans des tables de chaînes coûtait plus que le classement.
 * Chaque (dimension, code) reçoit un numéro une fois pour toutes ; un service
 * garde la liste des numéros de ses facettes (calculée à l'indexation), et le
 * comptage se fait dans un tableau d'entiers.
 */
const DIMENSIONS = Object.keys(LIBELLES) as (keyof Facettes)[]
const numeros = new Map<string, number>()
const valeursNumerotees: Array<{ dimension: keyof Facettes; code: string }> = []

function numero(dimension: keyof Facettes, code: string): number {
  const cle = `${dimension}\u0000${code}`
  let n = numeros.get(cle)
  if (n === undefined) {
    n = valeursNumerotees.length
    numeros.set(cle, n)
    valeursNumerotees.push({ dimension, code })
  }
  return n
}

/** Numéros des facettes d'un document, à garder avec lui dans l'index. */
export function numerosDeFacettes(doc: DocumentService): Uint32Array {
  const codes = codesDeFacettes(doc)
  return Uint32Array.from(DIMENSIONS.flatMap((d) => codes[d].map((c) => numero(d, c))))
}

/** Facettes de documents donnés par leurs numéros de facettes (même résultat que `calculerFacettes`). */
export function facettesDepuisNumeros(listes: Iterable<Uint32Array>): Facettes {
  const comptes = new Int32Array(valeursNumerotees.length)
  for (const liste of listes) for (let i = 0; i < liste.length; i++) comptes[liste[i]!]!++
  const parDimension: Partial<Record<keyof Facettes, Record<string, number>>> = {}
  comptes.forEach((nombre, n) => {
    if (nombre === 0) return
    const { dimension, code } = valeursNumerotees[n]!
    ;(parDimension[dimension] ??= {})[code] = nombre
  })
  return facettesDepuisComptes(parDimension)
}
