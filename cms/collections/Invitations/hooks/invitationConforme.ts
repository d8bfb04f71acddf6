import { Forbidden, ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { rattachementDuRole, verifierAdresseInvitee } from '../../../../domaine/acces/invitations'
import { rolesAttribuables } from '../../../../domaine/acces/politique'
import type { Role } from '../../../../domaine/acces/roles'
import { configuration } from '../../../../socle/configuration'
import { acteurDe } from '../../../access/selonPolitique'

/**
 * Second rempart derrière cms/comptes/invitations.ts : quel que soit le chemin
 * (API comprise), une invitation créée respecte les domaines permis, le rôle
 * que l'invitant peut donner et le rattachement exigé par le rôle.
 */
export const invitationConforme: CollectionBeforeChangeHook = ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const role = data.role as Role
  if (req.user && !rolesAttribuables(acteurDe(req.user)).includes(role)) throw new Forbidden(req.t)
  const erreurs: { path: string; message: string }[] = []
  const verdict = verifierAdresseInvitee(String(data.email ?? ''), role, configuration().invitations.domaines)
  if (!verdict.ok) erreurs.push({ path: 'email', message: verdict.message })
  const rattachement = rattachementDuRole(role)
  if (rattachement && !data[rattachement])
    erreurs.push({ path: rattachement, message: rattachement === 'site' ? 'Unité : choisissez l’unité de l’agent.' : 'Poste : choisissez le poste de l’intervenant.' })
  if (erreurs.length > 0) throw new ValidationError({ collection: collection.slug, errors: erreurs, req }, req.t)
  return data
}
