import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import {
  ageALaSaisine,
  lireCleDepot,
  erreursParChamp,
  MODES_SAISINE,
  natureParDefaut,
  operationPermise,
  schemaSaisine,
  STATUT_INITIAL,
  versSaisie,
  type ChampsBrouillon,
  type ModeSaisine,
  type Saisine,
  type Statut,
} from '../../domaine/saisines'
import { configuration } from '../../socle/configuration'
import type { Expediteur } from '../../socle/courriel'
import type { Poste } from '../payload-types'
import type { ActeurEspace } from './acteur'
import { ecrireDepot } from './ecriture'
import { chiffrerChamp, chiffrerIdentite, clePseudonyme } from './chiffrement'
import { notifierPoste } from './notification'
import { memoire } from './memoires'
import { entreesActives } from './referentiels'
import { refus, type Resultat } from './resultat'

export const nouveauJeton = () => randomBytes(16).toString('hex')

const MESSAGE_CLE_DEJA_UTILISEE = 'Clé du formulaire : déjà utilisée ; rechargez la page, puis déposez la saisine.'

export const MESSAGE_DEPOT_FERME =
  'Le dépôt des saisines en ligne n’est pas ouvert : transmettez la situation à l’intervenant social par la messagerie institutionnelle (voir « Qui contacter ? »).'

export type OptionsDepot = {
  maintenant?: Date
  adresse?: string | null
  urlPortail: string
  expediteur?: Expediteur
  /** La clé du formulaire (domaine/saisines/cle-depot.ts) : le même formulaire renvoyé ne crée pas une seconde saisine. */
  cleDepot?: string
}

/** Le poste (secteur) qui couvre une unité : celui dont la liste de sites la contient (lu à chaque dépôt : mémoire courte). */
export function posteDeLUnite(payload: Payload, unite: number): Promise<Poste | null> {
  return memoire<Poste | null>(payload, 'postes').lire(String(unite), async () => {
    const { docs } = await payload.find({ collection: 'postes', where: { sites: { in: [unite] } }, sort: 'ordre', limit: 1, pagination: false, depth: 0, overrideAccess: true })
    return (docs[0] as Poste | undefined) ?? null
  })
}

/**
 * Dépose une saisine : agent FSI depuis le portail (si SAISINES_EN_LIGNE), ou
 * intervenant qui enregistre une saisine arrivée autrement. Les champs sont
 * ceux du formulaire, à plat ; en cas d'erreur, le résultat les rend tels que
 * tapés (la page les réaffiche, le brouillon les garde).
 */
export async function deposerSaisine(
  payload: Payload,
  acteur: ActeurEspace | null,
  champs: ChampsBrouillon,
  options: OptionsDepot,
): Promise<Resultat<{ id: number; poste: number | null; notification: Promise<number>; deja?: boolean }>> {
  const maintenant = options.maintenant ?? new Date()
  if (!acteur || acteur.suspendu) return refus(403, 'Vous n’avez pas le droit de déposer une saisine.')
  const saisie = versSaisie(champs)
  let poste: number | null
  if (acteur.role === 'agent-fsi') {
    if (!configuration().saisines.enLigne) return refus(403, MESSAGE_DEPOT_FERME)
    if (acteur.site === null)
      return refus(400, 'Unité qui saisit : votre compte n’est rattaché à aucune unité ; demandez à l’opérateur de le rattacher.', {
        unite: 'Unité qui saisit : votre compte n’est rattaché à aucune unité.',
      })
    // L'unité, l'agent et le canal viennent du compte, jamais du formulaire.
    Object.assign(saisie, { mode: 'portail', unite: acteur.site, agent: acteur.id })
    poste = (await posteDeLUnite(payload, acteur.site))?.id ?? null
  } else if (acteur.role === 'intervenant') {
    if (acteur.poste === null) return refus(403, 'Votre compte n’est rattaché à aucun poste d’intervenant : demandez à l’opérateur de le rattacher.')
    if (saisie.mode === 'portail') return refus(400, 'Mode de saisine : « Portail » est réservé au dépôt par un agent.', { mode: 'Mode de saisine : « Portail » est réservé au dépôt par un agent.' })
    poste = acteur.poste
    // L'agent d'une saisine est un compte : l'intervenant ne l'attribue pas à la main (elle ne lui
    // ouvrirait rien, mais le champ ne doit dire que ce qui est vrai : qui a déposé sur le portail).
    delete saisie.agent
    if (typeof saisie.unite === 'string' && /^\d+$/.test(saisie.unite)) saisie.unite = Number(saisie.unite)
  } else return refus(403, 'Vous n’avez pas le droit de déposer une saisine.')

  // Directe ou indirecte : la proposition du domaine quand le formulaire ne le dit pas (l'agent ne le choisit pas).
  if (saisie.nature === undefined && typeof saisie.mode === 'string' && Object.hasOwn(MODES_SAISINE, saisie.mode)) saisie.nature = natureParDefaut(saisie.mode as ModeSaisine)

  if (!operationPermise(acteur, 'deposer', { poste })) return refus(403, 'Vous n’avez pas le droit de déposer une saisine pour ce secteur.')

  const [problematiques, origines] = await Promise.all([entreesActives(payload, 'problematique'), entreesActives(payload, 'mode-saisine')])
  const resultat = schemaSaisine({ maintenant, problematiques: problematiques.map((p) => p.code), origines: origines.map((o) => o.code) }).safeParse(saisie)
  if (!resultat.success) return { ok: false, statut: 400, erreurs: erreursParChamp(resultat.error) }
  const s = resultat.data
  // L'unité d'un agent vient de son compte (relation vérifiée par la base) ; celle qu'un intervenant choisit se vérifie.
  if (acteur.role !== 'agent-fsi' && (typeof s.unite === 'number' || typeof s.unite === 'string')) {
    const unite = await payload.find({ collection: 'sites', where: { id: { equals: Number(s.unite) } }, limit: 1, pagination: false, depth: 0, overrideAccess: true })
    if (!unite.docs.length) return { ok: false, statut: 400, erreurs: { unite: 'Unité qui saisit : unité inconnue' } }
  }

  // La saisine, sa ligne de journal et la fin du brouillon d'un bloc : une base coupée entre deux écritures
  // (PostgreSQL redémarré, banc bench:charge) laissait une saisine enregistrée derrière une erreur 500, que
  // l'agent redéposait (doublon), et sans sa ligne de journal.
  const cleDepot = lireCleDepot(options.cleDepot)
  if (!cleDepot.ok) return refus(400, cleDepot.message)
  const ecrit = await ecrireDepot(payload, {
    saisine: { ...donneesSaisine(s, acteur, poste, maintenant), cleDepot: cleDepot.cle },
    auteur: acteur.id,
    adresse: options.adresse ?? null,
    instant: new Date(),
  })
  // Formulaire déjà déposé : c'est la même saisine, déjà notifiée. Celui d'un autre compte ne dit rien de la sienne.
  if (ecrit.deja && ecrit.auteur !== acteur.id) return refus(409, MESSAGE_CLE_DEJA_UTILISEE)
  if (ecrit.deja) return { ok: true, id: ecrit.id, poste, notification: Promise.resolve(0), deja: true }
  const id = ecrit.id
  // Le courriel part sans faire attendre l'agent : un relais lent ne ralentit pas le dépôt, un relais en panne ne l'empêche pas.
  const notification =
    poste === null
      ? Promise.resolve(0)
      : notifierPoste(payload, { poste, saisine: id, urgence: s.urgence, auteur: acteur.id, urlPortail: options.urlPortail, expediteur: options.expediteur }).catch(() => 0)
  return { ok: true, id, poste, notification }
}

/**
 * L'enregistrement en base : statistiques en clair, identité et textes chiffrés.
 * `statut` : « reçue » pour un dépôt, « à trier » pour une ligne de la synthèse du GGD.
 */
export function donneesSaisine(s: Saisine, acteur: ActeurEspace, poste: number | null, maintenant: Date, statut: Statut = STATUT_INITIAL) {
  const jeton = nouveauJeton()
  return {
    jeton,
    poste,
    unite: s.unite === undefined ? null : Number(s.unite),
    agent: s.agent === undefined ? null : Number(s.agent),
    auteur: acteur.id,
    mode: s.mode,
    nature: s.nature,
    origine: s.origine ?? null,
    date: s.date,
    urgence: s.urgence,
    profil: s.profil,
    problematique: s.problematique,
    accepteContact: s.accepteContact,
    statut,
    historique: [{ de: null, vers: statut, le: maintenant.toISOString(), par: acteur.id }],
    retoursArticle4: [],
    ditALaPersonne: chiffrerChamp('saisines', jeton, 'ditALaPersonne', s.ditALaPersonne),
    texteLibre: chiffrerChamp('saisines', jeton, 'texteLibre', s.texteLibre),
    cleDepot: null as string | null,
    personnes: s.personnes.map((p) => {
      const rang = randomBytes(12).toString('hex')
      return {
        id: rang,
        identite: chiffrerIdentite(jeton, rang, { nom: p.nom, prenom: p.prenom, dateNaissance: p.dateNaissance, telephone: p.telephone }),
        clePersonne: clePseudonyme(p) ?? null,
        age: ageALaSaisine(p, s.date) ?? null,
        sexe: p.sexe,
        situationFamiliale: p.situationFamiliale,
        commune: p.commune ?? null,
      }
    }),
  }
}
