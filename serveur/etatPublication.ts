import type { Payload } from 'payload'
import { z } from 'zod'

import { STATUTS_PUBLICATION, type EtatPublication } from '../socle/publication/pipeline'

/**
 * L'état de la publication tel que l'admin le montre (global « publication ») :
 * écrit par le pipeline à chaque changement, relu au démarrage pour que le
 * processus suivant reprenne là où le précédent s'est arrêté.
 */
const optionnel = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined)

const schemaEtatEnregistre = z.object({
  statut: z.enum(STATUTS_PUBLICATION).nullish(),
  resume: optionnel(z.string()),
  raison: optionnel(z.string()),
  debut: optionnel(z.string()),
  derniereReussite: optionnel(z.string()),
  dureeMs: optionnel(z.number()),
  erreur: optionnel(z.string()),
})

/** L'état enregistré, ou undefined s'il n'y en a jamais eu (ou s'il est illisible : on repart de « jamais »). */
export async function lireEtatPublication(payload: Payload): Promise<EtatPublication | undefined> {
  const lu = schemaEtatEnregistre.safeParse(await payload.findGlobal({ slug: 'publication', overrideAccess: true, depth: 0 }))
  if (!lu.success || !lu.data.statut || lu.data.statut === 'jamais') return undefined
  return { ...lu.data, statut: lu.data.statut, resume: lu.data.resume ?? '' }
}

export async function enregistrerEtatPublication(payload: Payload, etat: EtatPublication) {
  await payload.updateGlobal({
    slug: 'publication',
    data: {
      statut: etat.statut,
      resume: etat.resume,
      raison: etat.raison ?? null,
      debut: etat.debut ?? null,
      derniereReussite: etat.derniereReussite ?? null,
      dureeMs: etat.dureeMs ?? null,
      erreur: etat.erreur ?? null,
    },
    overrideAccess: true,
    context: { sansPublication: true },
  })
}
