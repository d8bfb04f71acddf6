import { ValidationError, type Payload } from 'payload'

import { hacherMotDePasse } from '../../domaine/acces/empreinte-mot-de-passe'
import { verifierMotDePasse as regleMotDePasse } from '../../domaine/acces/mots-de-passe'
import { normaliserEmail } from './connexion'

export type ChampInstallation = 'codeInstallation' | 'email' | 'nom' | 'motDePasse' | 'confirmation'
export type ResultatInstallation = { ok: true; id: number | string } | { ok: false; erreurs: Partial<Record<ChampInstallation, string>> }

/** Y a-t-il encore à créer le premier compte ? (page /installation) */
export const installationOuverte = async (payload: Payload) =>
  (await payload.count({ collection: 'utilisateurs', overrideAccess: true })).totalDocs === 0

/**
 * Le tout premier compte, l'opérateur, créé depuis /installation avec le code
 * affiché dans la console du serveur (hook premierCompteOperateur, qui le
 * consomme de façon atomique). Tout est vérifié avant de consommer le code :
 * une faute de frappe ne le gâche pas.
 */
export async function installerPremierOperateur(
  payload: Payload,
  o: { codeInstallation: string; email: string; nom: string; motDePasse: string; confirmation: string },
): Promise<ResultatInstallation> {
  if (!(await installationOuverte(payload)))
    return { ok: false, erreurs: { codeInstallation: 'Installation : un compte opérateur existe déjà ; connectez-vous ou demandez une invitation.' } }
  const erreurs: Partial<Record<ChampInstallation, string>> = {}
  const email = normaliserEmail(o.email)
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) erreurs.email = 'Adresse électronique : saisissez une adresse complète, par exemple prenom.nom@association.fr.'
  if (!o.nom.trim()) erreurs.nom = 'Nom affiché : indiquez votre prénom et votre nom.'
  const regle = regleMotDePasse(o.motDePasse)
  if (!regle.ok) erreurs.motDePasse = regle.message
  else if (o.motDePasse !== o.confirmation) erreurs.confirmation = 'Confirmation : les deux mots de passe ne sont pas identiques.'
  if (Object.keys(erreurs).length > 0) return { ok: false, erreurs }
  try {
    const compte = await payload.create({
      collection: 'utilisateurs',
      data: { email, nom: o.nom.trim(), codeInstallation: o.codeInstallation, motDePasse: await hacherMotDePasse(o.motDePasse) },
      overrideAccess: true,
    })
    return { ok: true, id: compte.id }
  } catch (e) {
    if (e instanceof ValidationError) {
      const parChamp: Partial<Record<ChampInstallation, string>> = {}
      for (const { path, message } of e.data.errors) parChamp[(path === 'email' ? 'email' : 'codeInstallation') as ChampInstallation] = message
      return { ok: false, erreurs: parChamp }
    }
    throw e
  }
}
