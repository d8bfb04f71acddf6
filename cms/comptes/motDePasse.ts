import type { Payload } from 'payload'

import { hacherMotDePasse, verifierMotDePasse as verifierEmpreinte } from '../../domaine/acces/empreinte-mot-de-passe'
import { LimiteurConnexion, messageAttente } from '../../domaine/acces/limitation-connexion'
import { verifierMotDePasse as verifierRegles } from '../../domaine/acces/mots-de-passe'
import { cible } from '../../domaine/journal/evenements'
import { revoquerSessions } from '../auth/sessions'
import { journaliser } from '../journalAudit'

/**
 * Changer son mot de passe depuis « mon compte » : l'ancien, le nouveau (règles
 * de domaine/acces/mots-de-passe.ts) et sa confirmation. Les autres sessions du
 * compte sont fermées (qui connaissait l'ancien mot de passe n'y reste pas
 * connecté), celle d'où l'on change est gardée.
 *
 * Le champ `motDePasse` (empreinte scrypt) est celui du socle de sessions de la
 * branche main ; il est lu et écrit ici par son nom, sans passer par l'API.
 */
type Id = number | string

export type SaisieMotDePasse = { ancien: string; nouveau: string; confirmation: string }
export type ErreursMotDePasse = Partial<Record<keyof SaisieMotDePasse, string>>

// Essais de l'ancien mot de passe limités par compte : une session restée ouverte ne sert pas à le deviner.
const CLE_LIMITEUR = Symbol.for('passerelle.limiteurChangementMotDePasse')
const global = globalThis as typeof globalThis & { [CLE_LIMITEUR]?: LimiteurConnexion }
const limiteur = () => (global[CLE_LIMITEUR] ??= new LimiteurConnexion())

export async function changerMotDePasse(
  payload: Payload,
  { utilisateurId, sessionId, adresse, saisie }: { utilisateurId: Id; sessionId: Id; adresse?: string | null; saisie: SaisieMotDePasse },
): Promise<{ ok: true } | { ok: false; erreurs: ErreursMotDePasse }> {
  const erreurs: ErreursMotDePasse = {}
  if (!saisie.ancien) erreurs.ancien = 'Mot de passe actuel : ce champ est obligatoire.'
  const regles = verifierRegles(saisie.nouveau)
  if (!regles.ok) erreurs.nouveau = regles.message.replace(/^Mot de passe :/, 'Nouveau mot de passe :')
  else if (saisie.nouveau === saisie.ancien) erreurs.nouveau = 'Nouveau mot de passe : il doit être différent du mot de passe actuel.'
  if (!saisie.confirmation) erreurs.confirmation = 'Confirmation du nouveau mot de passe : ce champ est obligatoire.'
  else if (saisie.confirmation !== saisie.nouveau) erreurs.confirmation = 'Confirmation du nouveau mot de passe : elle ne correspond pas au nouveau mot de passe.'
  if (Object.keys(erreurs).length > 0) return { ok: false, erreurs }

  const cle = `utilisateurs:${utilisateurId}`
  const verdict = limiteur().essayer(cle, 'toutes')
  if (!verdict.autorise) return { ok: false, erreurs: { ancien: `Mot de passe actuel : ${messageAttente(verdict.attendreMs)}` } }
  const compte = await payload.findByID({ collection: 'utilisateurs', id: utilisateurId, depth: 0, overrideAccess: true, showHiddenFields: true })
  const empreinte = (compte as { motDePasse?: string | null }).motDePasse
  if (!empreinte || !(await verifierEmpreinte(saisie.ancien, empreinte)))
    return { ok: false, erreurs: { ancien: 'Mot de passe actuel : il est incorrect.' } }
  limiteur().reussite(cle, 'toutes')

  await payload.update({
    collection: 'utilisateurs',
    id: utilisateurId,
    data: { motDePasse: await hacherMotDePasse(saisie.nouveau) } as Record<string, unknown>,
    depth: 0,
    overrideAccess: true,
  })
  await revoquerSessions(payload, utilisateurId, 'mot-de-passe-change', { sauf: sessionId })
  await journaliser(payload, { action: 'mot-de-passe-change', acteur: utilisateurId, cible: cible('utilisateurs', utilisateurId), adresse: adresse ?? null })
  return { ok: true }
}
