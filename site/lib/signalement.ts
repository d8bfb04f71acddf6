import { z } from 'zod'

import { MOTIFS_SIGNALEMENT } from '../../cms/collections/Signalements/motifs'

/** Ce que le formulaire « Signaler une erreur » accepte ; messages en français, par champ. */
export const formulaireSignalement = z.object({
  structure: z.string({ error: 'Fiche concernée manquante.' }).regex(/^[a-z0-9][a-z0-9-]*$/, 'Fiche concernée inconnue.'),
  motif: z.enum(Object.keys(MOTIFS_SIGNALEMENT) as [keyof typeof MOTIFS_SIGNALEMENT], {
    error: 'Choisissez le type d’erreur.',
  }),
  message: z
    .string({ error: 'Décrivez l’erreur.' })
    .trim()
    .min(10, 'Décrivez l’erreur en quelques mots (10 caractères au moins).')
    .max(2000, 'Le message est limité à 2 000 caractères.'),
})

export type ErreursFormulaire = Partial<Record<keyof z.infer<typeof formulaireSignalement>, string>>

export function lireFormulaire(donnees: FormData) {
  const brut = {
    structure: String(donnees.get('structure') ?? ''),
    motif: String(donnees.get('motif') ?? ''),
    message: String(donnees.get('message') ?? ''),
  }
  const resultat = formulaireSignalement.safeParse(brut)
  const erreurs: ErreursFormulaire = {}
  if (!resultat.success)
    for (const i of resultat.error.issues) erreurs[i.path[0] as keyof ErreursFormulaire] ??= i.message
  return { brut, valide: resultat.success ? resultat.data : undefined, erreurs }
}
