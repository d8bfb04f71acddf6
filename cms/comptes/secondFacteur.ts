import type { Payload } from 'payload'

import { LimiteurConnexion, messageAttente } from '../../domaine/acces/limitation-connexion'
import {
  consommerCodeSecours,
  empreinteCodeSecours,
  estCodeSecours,
  estCodeTotp,
  genererCodesSecours,
  genererSecretTotp,
  secondFacteurDesactivable,
  secondFacteurObligatoire,
  secretLisible,
  uriTotp,
  verifierCodeTotp,
} from '../../domaine/acces/second-facteur'
import { cible, type ActionJournal } from '../../domaine/journal/evenements'
import { trousseau } from '../chiffrement'
import { configuration } from '../../socle/configuration'
import { journaliser } from '../journalAudit'
import type { Utilisateur } from '../payload-types'

/**
 * Le second facteur d'un compte, côté serveur : enrôlement, vérification,
 * codes de secours, désactivation. Seul ce module lit et écrit les champs
 * `totpSecret`, `totpEnAttente`, `totpDernierPas` et `codesSecours` (fermés à
 * l'API, voir cms/collections/Utilisateurs/champsSecondFacteur.ts). Les règles
 * (fenêtre, rejeu, format des codes) sont dans domaine/acces/second-facteur.ts.
 *
 * Qui appelle quoi : la page /connexion/second-facteur (session partielle,
 * après le mot de passe) vérifie un code ou enrôle un compte qui n'a pas encore
 * de second facteur ; la page /espace/compte (session complète) régénère les
 * codes de secours, remplace l'application ou désactive là où c'est permis.
 * Remplacer un second facteur actif exige donc d'avoir passé le second facteur :
 * un mot de passe volé ne suffit pas à enrôler le téléphone de l'attaquant.
 */

type Id = number | string
export type Options = {
  /** Horloge (ms depuis l'époque Unix) : injectée par les tests. */
  maintenantMs?: number
  /** Adresse du client, pour le journal d'audit. */
  adresse?: string | null
}

const chiffreur = trousseau
// Le chiffré est lié au compte et au champ : recopié ailleurs, il ne se déchiffre pas.
export const contexteSecondFacteur = (id: Id, champ: 'totpSecret' | 'totpEnAttente') => `utilisateurs:${id}:${champ}`
const chiffrerSecret = (id: Id, champ: 'totpSecret' | 'totpEnAttente', secret: Uint8Array) =>
  chiffreur().chiffrer(Buffer.from(secret).toString('base64'), contexteSecondFacteur(id, champ))
const dechiffrerSecret = (id: Id, champ: 'totpSecret' | 'totpEnAttente', chiffre: string) =>
  new Uint8Array(Buffer.from(chiffreur().dechiffrer(chiffre, contexteSecondFacteur(id, champ)), 'base64'))

/**
 * Un essai de second facteur compte comme un échec tant qu'il n'a pas réussi ;
 * au-delà de 5 échecs, chaque essai attend un délai qui double. Compté par
 * compte seul (quelle que soit l'adresse) : qui arrive ici connaît déjà le mot
 * de passe, il ne doit pas pouvoir essayer les codes depuis plusieurs postes.
 */
const CLE_LIMITEUR = Symbol.for('passerelle.limiteurSecondFacteur')
const global = globalThis as typeof globalThis & { [CLE_LIMITEUR]?: LimiteurConnexion }
const limiteur = () => (global[CLE_LIMITEUR] ??= new LimiteurConnexion())
const TOUTES_ADRESSES = 'toutes'

/**
 * Lire, vérifier puis écrire doit se faire d'un bloc pour un même compte : deux
 * requêtes simultanées avec le même code (ou le même code de secours) ne
 * doivent pas passer toutes les deux. Le portail est un seul processus (base
 * SQLite embarquée ou PostgreSQL derrière un serveur unique) : un verrou en
 * mémoire par compte suffit, sans verrou de ligne propre à chaque base.
 */
const CLE_VERROUS = Symbol.for('passerelle.verrousSecondFacteur')
const verrous = ((globalThis as typeof globalThis & { [CLE_VERROUS]?: Map<string, Promise<unknown>> })[CLE_VERROUS] ??= new Map())
async function sousVerrou<T>(id: Id, action: () => Promise<T>): Promise<T> {
  const cle = String(id)
  const precedent = verrous.get(cle) ?? Promise.resolve()
  const courant = precedent.catch(() => undefined).then(action)
  verrous.set(cle, courant)
  try {
    return await courant
  } finally {
    if (verrous.get(cle) === courant) verrous.delete(cle)
  }
}

async function lireCompte(payload: Payload, id: Id): Promise<Utilisateur> {
  return (await payload.findByID({ collection: 'utilisateurs', id, depth: 0, overrideAccess: true, showHiddenFields: true })) as Utilisateur
}

type ChampsSecondFacteur = Pick<Utilisateur, 'totpSecret' | 'totpEnAttente' | 'totpDernierPas' | 'codesSecours'>

async function ecrire(payload: Payload, id: Id, data: Partial<ChampsSecondFacteur>) {
  await payload.update({ collection: 'utilisateurs', id, data, depth: 0, overrideAccess: true, showHiddenFields: true })
}

const empreintesDe = (compte: ChampsSecondFacteur): string[] =>
  Array.isArray(compte.codesSecours) ? compte.codesSecours.filter((e): e is string => typeof e === 'string') : []

async function tracer(payload: Payload, action: ActionJournal, id: Id, options: Options) {
  await journaliser(payload, { action, acteur: id, cible: cible('utilisateurs', id), adresse: options.adresse ?? null })
}

export type EtatSecondFacteur = {
  actif: boolean
  obligatoire: boolean
  desactivable: boolean
  codesSecoursRestants: number
}

export async function etatSecondFacteur(payload: Payload, utilisateurId: Id): Promise<EtatSecondFacteur> {
  const compte = await lireCompte(payload, utilisateurId)
  return {
    actif: Boolean(compte.totpSecret),
    obligatoire: secondFacteurObligatoire(compte.role),
    desactivable: secondFacteurDesactivable(compte.role),
    codesSecoursRestants: empreintesDe(compte).length,
  }
}

export type Enrolement = { uri: string; secretLisible: string }

/**
 * Propose un secret (gardé chiffré dans `totpEnAttente` jusqu'à la
 * confirmation). Tant qu'un enrôlement est en cours, on repropose le même
 * secret : recharger la page ne rend pas caduc le QR code déjà scanné.
 * `nouveau` en tire un autre.
 */
export async function commencerEnrolement(
  payload: Payload,
  utilisateurId: Id,
  { nouveau = false, remplacement = false }: { nouveau?: boolean; remplacement?: boolean } = {},
): Promise<Enrolement> {
  return sousVerrou(utilisateurId, async () => {
    const compte = await lireCompte(payload, utilisateurId)
    if (compte.totpSecret && !remplacement) throw new ErreurSecondFacteur('Un second facteur est déjà actif sur ce compte.')
    let secret: Uint8Array | undefined
    if (compte.totpEnAttente && !nouveau) {
      try {
        secret = dechiffrerSecret(compte.id, 'totpEnAttente', compte.totpEnAttente)
      } catch {
        // Clé changée ou donnée altérée : on repart d'un nouveau secret.
      }
    }
    if (!secret) {
      secret = genererSecretTotp()
      await ecrire(payload, compte.id, { totpEnAttente: chiffrerSecret(compte.id, 'totpEnAttente', secret) })
    }
    return { uri: uriTotp(secret, compte.email), secretLisible: secretLisible(secret) }
  })
}

export class ErreurSecondFacteur extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ErreurSecondFacteur'
  }
}

export type Resultat<T = object> = ({ ok: true } & T) | { ok: false; erreur: string }

const MESSAGE_FORMAT = 'Code : saisissez les 6 chiffres affichés par votre application d’authentification, ou un code de secours (xxxx-xxxx).'
const MESSAGE_TOTP = {
  format: 'Code : saisissez les 6 chiffres affichés par votre application d’authentification.',
  invalide: 'Code : ce code est incorrect ou expiré. Vérifiez que l’heure de votre téléphone est à l’heure automatique, puis saisissez le code affiché.',
  rejeu: 'Code : ce code vient déjà de servir. Attendez le suivant (30 secondes au plus) et saisissez-le.',
} as const

function essai(utilisateurId: Id): { ok: false; erreur: string } | undefined {
  const verdict = limiteur().essayer(`utilisateurs:${utilisateurId}`, TOUTES_ADRESSES)
  if (!verdict.autorise) return { ok: false, erreur: messageAttente(verdict.attendreMs) }
  return undefined
}
const reussite = (utilisateurId: Id) => limiteur().reussite(`utilisateurs:${utilisateurId}`, TOUTES_ADRESSES)

/**
 * Confirme l'enrôlement avec un premier code : le secret devient actif, des
 * codes de secours sont tirés, et rendus en clair cette seule fois (seules
 * leurs empreintes sont gardées).
 */
export async function confirmerEnrolement(
  payload: Payload,
  utilisateurId: Id,
  code: string,
  options: Options & { remplacement?: boolean } = {},
): Promise<Resultat<{ codesSecours: string[] }>> {
  return sousVerrou(utilisateurId, async () => {
    const compte = await lireCompte(payload, utilisateurId)
    if (compte.totpSecret && !options.remplacement) return { ok: false, erreur: 'Un second facteur est déjà actif sur ce compte.' }
    if (!compte.totpEnAttente) return { ok: false, erreur: 'Aucun enrôlement en cours : rechargez la page pour obtenir un QR code.' }
    const refus = essai(compte.id)
    if (refus) return refus
    let secret: Uint8Array
    try {
      secret = dechiffrerSecret(compte.id, 'totpEnAttente', compte.totpEnAttente)
    } catch {
      return { ok: false, erreur: 'Cet enrôlement n’est plus valable : rechargez la page pour obtenir un nouveau QR code.' }
    }
    const verdict = verifierCodeTotp(secret, code, { maintenantMs: options.maintenantMs ?? Date.now() })
    if (!verdict.ok) return { ok: false, erreur: MESSAGE_TOTP[verdict.motif] }
    reussite(compte.id)
    const codesSecours = genererCodesSecours()
    await ecrire(payload, compte.id, {
      totpSecret: chiffrerSecret(compte.id, 'totpSecret', secret),
      totpEnAttente: null,
      totpDernierPas: verdict.pas,
      codesSecours: codesSecours.map(empreinteCodeSecours),
  })
  await tracer(payload, 'second-facteur-active', compte.id, options)
  return { ok: true, codesSecours }
  })
}

/**
 * Vérifie un code de l'application (6 chiffres, une seule fois par pas) ou un
 * code de secours (consommé). Rend le moyen employé et le nombre de codes de
 * secours restants, pour prévenir quand il n'en reste plus guère.
 */
export async function verifierSecondFacteur(
  payload: Payload,
  utilisateurId: Id,
  code: string,
  options: Options = {},
): Promise<Resultat<{ moyen: 'totp' | 'code-secours'; codesSecoursRestants: number }>> {
  return sousVerrou(utilisateurId, () => verifierSansVerrou(payload, utilisateurId, code, options))
}

/** Chaque vérification, acceptée ou refusée, laisse une ligne de journal (jamais le code saisi). */
async function verifierSansVerrou(
  payload: Payload,
  utilisateurId: Id,
  code: string,
  options: Options,
): Promise<Resultat<{ moyen: 'totp' | 'code-secours'; codesSecoursRestants: number }>> {
  const resultat = await verifierCode(payload, utilisateurId, code, options)
  await tracer(payload, resultat.ok ? 'second-facteur-verifie' : 'second-facteur-refuse', utilisateurId, options)
  return resultat
}

async function verifierCode(
  payload: Payload,
  utilisateurId: Id,
  code: string,
  options: Options,
): Promise<Resultat<{ moyen: 'totp' | 'code-secours'; codesSecoursRestants: number }>> {
  const compte = await lireCompte(payload, utilisateurId)
  if (!compte.totpSecret) return { ok: false, erreur: 'Aucun second facteur n’est activé sur ce compte.' }
  const saisie = String(code ?? '')
  if (!estCodeTotp(saisie) && !estCodeSecours(saisie)) return { ok: false, erreur: MESSAGE_FORMAT }
  const refus = essai(compte.id)
  if (refus) return refus
  const empreintes = empreintesDe(compte)

  if (estCodeTotp(saisie)) {
    let secret: Uint8Array
    try {
      secret = dechiffrerSecret(compte.id, 'totpSecret', compte.totpSecret)
    } catch {
      // Secret illisible (clé de chiffrement perdue ou changée) : seul un code de secours ou l'opérateur débloque.
      return { ok: false, erreur: 'Code : le second facteur de ce compte est illisible ; utilisez un code de secours ou demandez à l’opérateur de le réinitialiser.' }
    }
    const verdict = verifierCodeTotp(secret, saisie, { maintenantMs: options.maintenantMs ?? Date.now(), dernierPas: compte.totpDernierPas })
    if (!verdict.ok) return { ok: false, erreur: MESSAGE_TOTP[verdict.motif] }
    await ecrire(payload, compte.id, { totpDernierPas: verdict.pas })
    reussite(compte.id)
    return { ok: true, moyen: 'totp', codesSecoursRestants: empreintes.length }
  }

  const consomme = consommerCodeSecours(empreintes, saisie)
  if (!consomme.ok) return { ok: false, erreur: 'Code : ce code de secours est incorrect ou a déjà servi.' }
  await ecrire(payload, compte.id, { codesSecours: consomme.restantes })
  reussite(compte.id)
  return { ok: true, moyen: 'code-secours', codesSecoursRestants: consomme.restantes.length }
}

/**
 * Nouveaux codes de secours (les anciens ne valent plus rien). Exige un code
 * du second facteur, même dans une session complète : une session restée
 * ouverte sur un poste partagé ne suffit pas à s'en procurer.
 */
export async function regenererCodesSecours(
  payload: Payload,
  utilisateurId: Id,
  code: string,
  options: Options = {},
): Promise<Resultat<{ codesSecours: string[] }>> {
  return sousVerrou(utilisateurId, async () => {
    const verification = await verifierSansVerrou(payload, utilisateurId, code, options)
    if (!verification.ok) return { ok: false, erreur: verification.erreur }
    const codesSecours = genererCodesSecours()
    await ecrire(payload, utilisateurId, { codesSecours: codesSecours.map(empreinteCodeSecours) })
    await tracer(payload, 'codes-secours-regeneres', utilisateurId, options)
    return { ok: true, codesSecours }
  })
}

/** Retire le second facteur, seulement pour les rôles où il est optionnel, et sur présentation d'un code. */
export async function desactiver(payload: Payload, utilisateurId: Id, code: string, options: Options = {}): Promise<Resultat> {
  return sousVerrou(utilisateurId, async () => {
    const compte = await lireCompte(payload, utilisateurId)
    if (!secondFacteurDesactivable(compte.role))
      return { ok: false, erreur: 'Le second facteur est obligatoire pour votre rôle : il ne peut pas être désactivé.' }
    const verification = await verifierSansVerrou(payload, utilisateurId, code, options)
    if (!verification.ok) return { ok: false, erreur: verification.erreur }
    await ecrire(payload, compte.id, { totpSecret: null, totpEnAttente: null, totpDernierPas: null, codesSecours: null })
    await tracer(payload, 'second-facteur-desactive', compte.id, options)
    return { ok: true }
  })
}
