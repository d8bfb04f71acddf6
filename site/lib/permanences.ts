import { permanenceDepuisDocument } from '../../cms/collections/Permanences/versDomaine'
import type { Permanence as DocumentPermanence } from '../../cms/payload-types'
import { bandeauxActifs, type Bandeau, lirePermanences, type Occurrence, prochainesOccurrences } from '../../domaine/permanences'
import type { Lieu } from '../../domaine/permanences/lieux'
import { payload, sites } from './cms'

/**
 * Permanences publiées, calculées à la publication du portail (republié à
 * chaque modification et chaque jour) : occurrences des douze prochains mois,
 * bandeaux d'exception, noms des lieux.
 */
let calcul: Promise<{ occurrences: Occurrence[]; bandeaux: Bandeau[]; lieux: Map<number | string, Lieu>; depuis: Date }> | undefined

export function permanencesPubliees() {
  calcul ??= (async () => {
    const p = await payload()
    const docs = (await p.find({ collection: 'permanences', pagination: false, depth: 0, overrideAccess: false })).docs as DocumentPermanence[]
    const permanences = lirePermanences(docs.map((d) => permanenceDepuisDocument(d as never)))
    const lieux = new Map<number | string, Lieu>((await sites()).map((s) => [s.id, { nom: s.nom, adresse: s.adresse ?? undefined }]))
    const depuis = new Date()
    const jusqua = new Date(depuis.getTime() + 365 * 86_400_000)
    return {
      occurrences: prochainesOccurrences(permanences, { depuis, jusqua, inclureAnnulees: true }),
      bandeaux: bandeauxActifs(permanences, depuis, { lieux }),
      lieux,
      depuis,
    }
  })()
  return calcul
}

export const estAnnulee = (o: Occurrence) => o.statut === 'annulee' || o.statut === 'annulee-ferie'
