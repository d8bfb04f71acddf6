import type { Payload } from 'payload'

import { hacherMotDePasse, verifierMotDePasse as verifierEmpreinte } from '../../domaine/acces/empreinte-mot-de-passe'
import { verifierMotDePasse as regleMotDePasse } from '../../domaine/acces/mots-de-passe'
import { cible } from '../../domaine/journal/evenements'
import { journaliser } from '../journalAudit'
import { revoquerSessions } from './sessions'

export type ResultatMotDePasse = { ok: true } | { ok: false; champ: 'motDePasse' | 'actuel' | 'confirmation'; message: string }

/**
 * Change le mot de passe d'un compte : règle du socle, empreinte scrypt,
 * puis révocation de toutes ses autres sessions (celle d'où vient le
 * changement reste ouverte : on ne déconnecte pas la personne qui agit).
 */
export async function changerMotDePasse(
  payload: Payload,
  o: { utilisateur: number | string; actuel: string; nouveau: string; confirmation: string; sessionCourante?: number | string },
): Promise<ResultatMotDePasse> {
  const compte = await payload.findByID({ collection: 'utilisateurs', id: o.utilisateur, depth: 0, overrideAccess: true, showHiddenFields: true })
  if (!(await verifierEmpreinte(o.actuel, compte.motDePasse)))
    return { ok: false, champ: 'actuel', message: 'Mot de passe actuel : ce n’est pas le bon mot de passe.' }
  if (o.nouveau !== o.confirmation)
    return { ok: false, champ: 'confirmation', message: 'Confirmation : les deux nouveaux mots de passe ne sont pas identiques.' }
  const regle = regleMotDePasse(o.nouveau)
  if (!regle.ok) return { ok: false, champ: 'motDePasse', message: regle.message }
  await payload.update({ collection: 'utilisateurs', id: o.utilisateur, data: { motDePasse: await hacherMotDePasse(o.nouveau) }, overrideAccess: true })
  await journaliser(payload, { action: 'mot-de-passe-change', acteur: o.utilisateur, cible: cible('utilisateurs', o.utilisateur) })
  await revoquerSessions(payload, o.utilisateur, 'mot-de-passe', { sauf: o.sessionCourante })
  return { ok: true }
}
