import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, fichierSynthese, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * La matrice d'autorisation des saisines (issue 11, partie 2) : chaque acteur ×
 * chaque opération du service cms/saisines/, sur la saisine de l'unité A (poste
 * A), celle de l'unité B (poste B) visée par son identifiant, et un
 * identifiant qui n'existe pas. Les attendus sont écrits à la main, case par
 * case. Un refus d'accès à une saisine répond exactement comme une saisine
 * inexistante (404, même message) ; un dépôt refusé répond 403.
 * Puis : l'API REST de Payload fermée à tous sur les six collections, et
 * l'agent qui ne reçoit jamais un octet de contenu social.
 */
let base: BaseDeTest
let d: DecorSaisines
let depot: typeof import('../../cms/saisines/depot')
let lecture: typeof import('../../cms/saisines/lecture')
let traitement: typeof import('../../cms/saisines/traitement')
let INTROUVABLE: typeof import('../../cms/saisines/resultat').INTROUVABLE

const ACTEURS = ['agentA', 'agentB', 'intervA', 'intervB', 'coordination', 'operateur', 'financeur', 'suspendu', 'agentSuspendu', 'anonyme'] as const
type NomActeur = (typeof ACTEURS)[number]
const acteurs = {} as Record<NomActeur, ActeurEspace | null>
const comptes = {} as Record<string, Utilisateur>
const jetons: Record<string, string> = {}

/** Contenu social : rien de ceci ne doit jamais parvenir à un agent. */
const SECRETS = {
  nomA: 'Vraquelinot',
  prenomA: 'Hermengarde',
  telephoneA: '06 98 76 54 32',
  texteLibreA: 'Hurlements entendus par la concierge du troisième',
  ditA: 'Orientée vers la permanence juridique du jeudi',
  nomB: 'Pruvostelle',
  prenomB: 'Théodulphe',
  texteLibreB: 'Dispute dans le hall de Gex',
  acte: 'Entretien long au sujet des enfants',
  commentaire: 'Rendez-vous fixé avec la juriste',
  signalement: 'Signalement transmis au parquet pour la mineure',
  precision: 'Substitut de permanence à Bourg',
}
const MOTIFS_SOCIAUX = [...Object.values(SECRETS), 'Maison Orbiculaire', '1979-02-11', '226-14', '223-6', 'procureur', 'Appel de suivi', 'violences-conjugales', 'separe', 'entretien']

const ids = { A: 0, B: 0, orientationA: 0, orientationB: 0, inexistante: 999_999 }

async function ouvrir(compte: Utilisateur) {
  const { ouvrirSession, marquerSecondFacteur } = await import('../../cms/auth/sessions')
  const s = await ouvrirSession(base.payload, { utilisateur: compte.id, secondFacteur: false, methode: 'mot-de-passe' })
  await marquerSecondFacteur(base.payload, s.id)
  return s.jeton
}

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  depot = await import('../../cms/saisines/depot')
  lecture = await import('../../cms/saisines/lecture')
  traitement = await import('../../cms/saisines/traitement')
  INTROUVABLE = (await import('../../cms/saisines/resultat')).INTROUVABLE
  const { acteurSaisineDe } = await import('../../cms/saisines/acteur')
  comptes.operateur = (await creerPremierOperateur(base, { email: 'operateur-matrice-saisines@example.org', password: 'phrase-de-passe-matrice-saisines' })) as Utilisateur
  d = await poserDecor(base, 'matrice')
  comptes.coordination = (await creerCompte(base, { email: 'coordination-saisines@example.org', role: 'coordination' })) as Utilisateur
  comptes.financeur = (await creerCompte(base, { email: 'financeur-saisines@example.org', role: 'financeur' })) as Utilisateur
  comptes.suspendu = (await base.payload.create({
    collection: 'utilisateurs',
    data: { email: 'is-suspendu-saisines@example.org', role: 'intervenant', poste: d.posteA, suspendu: true },
    overrideAccess: true,
  })) as Utilisateur
  for (const nom of ['agentA', 'agentB', 'intervA', 'intervB'] as const)
    comptes[nom] = (await base.payload.findByID({ collection: 'utilisateurs', id: d[nom].id, overrideAccess: true, depth: 0 })) as Utilisateur
  Object.assign(acteurs, {
    agentA: d.agentA,
    agentB: d.agentB,
    intervA: d.intervA,
    intervB: d.intervB,
    coordination: acteurSaisineDe(comptes.coordination),
    operateur: acteurSaisineDe(comptes.operateur),
    financeur: acteurSaisineDe(comptes.financeur),
    // L'intervenant du poste A, suspendu : il ne fait plus rien, même sur son secteur.
    suspendu: acteurSaisineDe(comptes.suspendu),
    // L'agent qui a déposé la saisine A, une fois son compte suspendu.
    agentSuspendu: { ...d.agentA, suspendu: true },
    anonyme: null,
  })

  const url = { urlPortail: 'http://passerelle.test' }
  const a = await depot.deposerSaisine(
    base.payload,
    d.agentA,
    {
      ...champsSaisine({ nom: SECRETS.nomA, prenom: SECRETS.prenomA, dateNaissance: '1979-02-11', telephone: SECRETS.telephoneA, texteLibre: SECRETS.texteLibreA, ditALaPersonne: SECRETS.ditA }),
    },
    url,
  )
  const b = await depot.deposerSaisine(base.payload, d.agentB, champsSaisine({ nom: SECRETS.nomB, prenom: SECRETS.prenomB, texteLibre: SECRETS.texteLibreB }), url)
  if (!a.ok || !b.ok) throw new Error('dépôt des saisines du décor impossible')
  ids.A = a.id
  ids.B = b.id
  // Le suivi que l'agent ne doit jamais voir : acte, orientation, signalement, retour, prise en charge.
  for (const [interv, id] of [[d.intervA, ids.A], [d.intervB, ids.B]] as const) {
    expect(await traitement.ajouterActe(base.payload, interv, id, { type: 'entretien', date: '2026-12-02', texte: SECRETS.acte })).toMatchObject({ ok: true })
    const o = await traitement.ajouterOrientation(base.payload, interv, id, { structure: String(d.structure), date: '2026-12-02', commentaire: SECRETS.commentaire })
    if (!o.ok) throw new Error('orientation du décor impossible')
    if (id === ids.A) ids.orientationA = o.id
    else ids.orientationB = o.id
    const g = { article: '226-14', date: '2026-12-02', destinataire: 'autre', precisionDestinataire: SECRETS.precision, texte: SECRETS.signalement }
    expect(await traitement.enregistrerSignalement(base.payload, interv, id, g)).toMatchObject({ ok: true })
    expect(await traitement.enregistrerRetour(base.payload, interv, id, 'degradation')).toEqual({ ok: true })
  }

  for (const nom of ['agentA', 'agentB', 'intervA', 'intervB', 'coordination', 'operateur', 'financeur', 'suspendu']) jetons[nom] = await ouvrir(comptes[nom]!)
}, 180_000)
afterAll(async () => base?.fermer())

type Cible = 'A' | 'B' | 'inexistante'
const CIBLES: Cible[] = ['A', 'B', 'inexistante']
const cibleId = (c: Cible) => ids[c]
const orientationDe = (c: Cible) => (c === 'A' ? ids.orientationA : c === 'B' ? ids.orientationB : ids.inexistante)

/** Réduit un résultat du service à un code de la matrice, en vérifiant au passage la forme d'un refus. */
function code(r: unknown): string {
  if (r === null) return '404'
  const v = r as { ok?: boolean; statut?: number; vue?: string; erreurs?: Record<string, string> }
  if (v.vue) return v.vue
  if (Array.isArray(r)) return 'liste'
  if (v.ok === true) return 'ok'
  if (v.statut === 404) expect(r, 'un refus 404 est la réponse « inexistante », mot pour mot').toEqual(INTROUVABLE)
  return String(v.statut)
}

type Operation = (a: ActeurEspace | null, c: Cible) => Promise<unknown>
const OPERATIONS: Record<string, Operation> = {
  lireSaisine: (a, c) => lecture.lireSaisine(base.payload, a, cibleId(c)),
  changerStatutSaisine: (a, c) => traitement.changerStatutSaisine(base.payload, a, cibleId(c), 'prise-en-charge'),
  enregistrerRetour: (a, c) => traitement.enregistrerRetour(base.payload, a, cibleId(c), 'absence-de-contact'),
  modifierConnaissance: (a, c) => traitement.modifierConnaissance(base.payload, a, cibleId(c), { connueDepartement: 'oui', connueCaf: 'non' }),
  ajouterActe: (a, c) => traitement.ajouterActe(base.payload, a, cibleId(c), { type: 'appel', date: '2026-12-02', texte: 'Appel de suivi.' }),
  ajouterOrientation: (a, c) => traitement.ajouterOrientation(base.payload, a, cibleId(c), { structure: String(d.structure), date: '2026-12-02' }),
  changerStatutDOrientation: (a, c) => traitement.changerStatutDOrientation(base.payload, a, orientationDe(c), 'acceptee'),
  enregistrerSignalement: (a, c) => traitement.enregistrerSignalement(base.payload, a, cibleId(c), { article: '223-6', date: '2026-12-02', destinataire: 'procureur' }),
}

/**
 * Attendus, opération × cible, colonnes dans l'ordre de ACTEURS :
 * agentA, agentB, intervA, intervB, coordination, opérateur, financeur,
 * intervenant du poste A suspendu, agent A suspendu, anonyme.
 * « unite » : la vue de l'article 4 ; « complete » : la saisine déchiffrée ;
 * « 404 » : la même réponse qu'une saisine inexistante.
 */
const _ = '404'
const ATTENDU: Record<string, Record<Cible, string[]>> = {
  lireSaisine: {
    A: ['unite', _, 'complete', _, _, _, _, _, _, _],
    B: [_, 'unite', _, 'complete', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  changerStatutSaisine: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  enregistrerRetour: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  modifierConnaissance: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  ajouterActe: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  ajouterOrientation: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  changerStatutDOrientation: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
  enregistrerSignalement: {
    A: [_, _, 'ok', _, _, _, _, _, _, _],
    B: [_, _, _, 'ok', _, _, _, _, _, _],
    inexistante: [_, _, _, _, _, _, _, _, _, _],
  },
}

/** Ce qui, en base, compte les écritures d'une opération sur une saisine : un refus ne doit rien écrire. */
async function etat(id: number) {
  const par = { saisine: { equals: id } }
  const s = await base.payload.findByID({ collection: 'saisines', id, depth: 0, overrideAccess: true })
  const o = await base.payload.find({ collection: 'orientations', where: par, depth: 0, overrideAccess: true, pagination: false })
  return {
    statut: s.statut,
    historique: (s.historique as unknown[]).length,
    retours: (s.retoursArticle4 as unknown[] | null)?.length ?? 0,
    connaissance: `${s.connueDepartement}/${s.connueCaf}`,
    actes: (await base.payload.count({ collection: 'actes', where: par, overrideAccess: true })).totalDocs,
    orientations: o.totalDocs,
    statutsOrientations: o.docs.map((x) => x.statut).join(','),
    signalements: (await base.payload.count({ collection: 'signalements-judiciaires', where: par, overrideAccess: true })).totalDocs,
  }
}

describe(`matrice des saisines, service (${process.env.PASSERELLE_TEST_BASE})`, () => {
  for (const [nom, faire] of Object.entries(OPERATIONS)) {
    it(nom, async () => {
      for (const c of CIBLES) {
        for (const [i, acteur] of ACTEURS.entries()) {
          const avant = c === 'inexistante' ? null : await etat(cibleId(c))
          const obtenu = code(await faire(acteurs[acteur], c))
          const attendu = ATTENDU[nom]![c][i]!
          expect(obtenu, `${nom} — ${acteur} — saisine ${c}`).toBe(attendu)
          // Un refus n'a rien écrit (et une lecture n'écrit jamais).
          if (avant && (obtenu !== 'ok' || nom === 'lireSaisine')) expect(await etat(cibleId(c)), `${nom} — ${acteur} — saisine ${c} : rien d’écrit`).toEqual(avant)
        }
      }
    })
  }

  it('listerSaisines : chacun sa portée (ses dépôts pour l’agent, son poste pour l’intervenant), rien pour les autres', async () => {
    const ATTENDU_LISTE: Record<NomActeur, [string, number[]] | null> = {
      agentA: ['unite', [ids.A]],
      agentB: ['unite', [ids.B]],
      intervA: ['intervenant', [ids.A]],
      intervB: ['intervenant', [ids.B]],
      coordination: null,
      operateur: null,
      financeur: null,
      suspendu: null,
      agentSuspendu: null,
      anonyme: null,
    }
    for (const acteur of ACTEURS) {
      // Filtrer sur l'autre unité ne sort pas de la portée.
      for (const filtres of [{}, { unite: String(d.siteB) }, { unite: String(d.siteA) }]) {
        const r = await lecture.listerSaisines(base.payload, acteurs[acteur], filtres)
        const attendu = ATTENDU_LISTE[acteur]
        if (!attendu) {
          expect(r, `${acteur} ${JSON.stringify(filtres)}`).toBeNull()
          continue
        }
        expect(r?.vue, acteur).toBe(attendu[0])
        const idsAttendus = attendu[1].filter((id) => !filtres.unite || String(id === ids.A ? d.siteA : d.siteB) === filtres.unite)
        expect(r!.lignes.map((l) => l.id), `${acteur} ${JSON.stringify(filtres)}`).toEqual(idsAttendus)
      }
    }
  })

  it('listerSignalements : la coordination seule', async () => {
    const obtenu = await Promise.all(ACTEURS.map(async (a) => code(await lecture.listerSignalements(base.payload, acteurs[a]))))
    expect(obtenu).toEqual([_, _, _, _, 'liste', _, _, _, _, _])
    const liste = await lecture.listerSignalements(base.payload, acteurs.coordination)
    expect(liste!.map((g) => g.saisine).sort()).toEqual(expect.arrayContaining([ids.A, ids.B]))
    // Traçabilité sans contenu : ni identité ni texte.
    const brut = JSON.stringify(liste)
    for (const s of [SECRETS.signalement, SECRETS.nomA, SECRETS.prenomA, SECRETS.nomB, SECRETS.texteLibreA]) expect(brut).not.toContain(s)
  })

  it('deposerSaisine : agents et intervenants déposent, tous les autres 403 ; l’unité ne se choisit pas', async () => {
    const ATTENDU_DEPOT = ['ok', 'ok', 'ok', 'ok', '403', '403', '403', '403', '403', '403']
    for (const [i, acteur] of ACTEURS.entries()) {
      const avant = (await base.payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs
      // Chacun vise l'unité B par son identifiant : l'agent A ne peut pas déposer pour elle.
      const r = await depot.deposerSaisine(base.payload, acteurs[acteur], { ...champsSaisine(), unite: String(d.siteB) }, { urlPortail: 'http://passerelle.test' })
      expect(code(r), acteur).toBe(ATTENDU_DEPOT[i])
      const apres = (await base.payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs
      expect(apres - avant, acteur).toBe(r.ok ? 1 : 0)
      if (!r.ok) continue
      const cree = await base.payload.findByID({ collection: 'saisines', id: r.id, depth: 0, overrideAccess: true })
      const attendu = {
        agentA: { unite: d.siteA, poste: d.posteA, agent: d.agentA.id, mode: 'portail' },
        agentB: { unite: d.siteB, poste: d.posteB, agent: d.agentB.id, mode: 'portail' },
        // L'intervenant enregistre pour son poste, quelle que soit l'unité qui l'a saisi.
        intervA: { unite: d.siteB, poste: d.posteA, mode: 'telephone' },
        intervB: { unite: d.siteB, poste: d.posteB, mode: 'telephone' },
      }[acteur as 'agentA']
      expect(cree, acteur).toMatchObject(attendu)
    }
  })

  it('importerSyntheseGgd : l’intervenant pour son secteur, la coordination pour tous, tous les autres 403 sans rien écrire', async () => {
    const { importerSyntheseGgd } = await import('../../cms/saisines/synthese')
    // Colonnes dans l'ordre de ACTEURS : [créées, hors secteur], ou le refus.
    const ATTENDU_IMPORT: (string | [number, number])[] = ['403', '403', [1, 1], [1, 1], [2, 0], '403', '403', '403', '403', '403']
    for (const [i, acteur] of ACTEURS.entries()) {
      const avant = (await base.payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs
      // Un fichier par acteur (noms distincts) : une ligne de l'unité A, une de l'unité B.
      const fichier = fichierSynthese([
        { Nom: `Matricien${i}`, Prénom: 'Anselme' },
        { Nom: `Matricien${i}`, Prénom: 'Brunehaut', Unité: 'Brigade de Gex' },
      ])
      const r = await importerSyntheseGgd(base.payload, acteurs[acteur], fichier)
      const obtenu = r.ok ? [r.rapport.creees.length, r.rapport.horsSecteur.length] : code(r)
      expect(obtenu, acteur).toEqual(ATTENDU_IMPORT[i])
      const apres = (await base.payload.count({ collection: 'saisines', overrideAccess: true })).totalDocs
      expect(apres - avant, acteur).toBe(r.ok ? r.rapport.creees.length : 0)
      // Chaque saisine créée va au poste de son unité, « à trier ».
      if (r.ok)
        for (const c of r.rapport.creees) {
          const s = await base.payload.findByID({ collection: 'saisines', id: c.id, depth: 0, overrideAccess: true })
          expect([s.statut, s.poste], acteur).toEqual(['a-trier', c.ligne === 2 ? d.posteA : d.posteB])
        }
    }
  })

  it('le dépôt par un agent est fermé sans SAISINES_EN_LIGNE (403, message de la messagerie), l’intervenant enregistre toujours', async () => {
    const { configuration } = await import('../../socle/configuration')
    const enLigne = configuration().saisines.enLigne
    configuration().saisines.enLigne = false
    try {
      const r = await depot.deposerSaisine(base.payload, d.agentA, champsSaisine(), { urlPortail: 'http://passerelle.test' })
      expect(r).toEqual({ ok: false, statut: 403, erreurs: { formulaire: depot.MESSAGE_DEPOT_FERME } })
      expect(await depot.deposerSaisine(base.payload, d.intervA, champsSaisine(), { urlPortail: 'http://passerelle.test' })).toMatchObject({ ok: true })
    } finally {
      configuration().saisines.enLigne = enLigne
    }
  })
})

// ---------------------------------------------------------------------------
// L'API REST de Payload : fermée à tous, opérateur compris.

const COLLECTIONS = ['saisines', 'actes', 'orientations', 'signalements-judiciaires', 'brouillons-saisines', 'saisies-en-attente'] as const
const SESSIONS = ['agentA', 'agentB', 'intervA', 'intervB', 'coordination', 'operateur', 'financeur', 'suspendu', 'anonyme'] as const

async function appeler(qui: (typeof SESSIONS)[number], methode: string, chemin: string, corps?: unknown) {
  const jeton = jetons[qui]
  const reponse = await handleEndpoints({
    config: base.payload.config,
    request: new Request(`http://passerelle.test/api${chemin}`, {
      method: methode,
      headers: { 'Content-Type': 'application/json', ...(jeton ? { Cookie: `passerelle-session=${jeton}` } : {}) },
      body: corps === undefined ? undefined : JSON.stringify(corps),
    }),
  })
  return { statut: reponse.status, corps: await reponse.text() }
}

describe(`matrice des saisines, API REST (${process.env.PASSERELLE_TEST_BASE})`, () => {
  const premier = async (collection: (typeof COLLECTIONS)[number]) => {
    const { docs } = await base.payload.find({ collection, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true, sort: 'id' })
    return docs[0] as unknown as Record<string, unknown>
  }

  beforeAll(async () => {
    // Un brouillon et une saisie en attente existent, pour que la lecture par identifiant vise un vrai enregistrement.
    const { garderBrouillon } = await import('../../cms/saisines/brouillons')
    const { mettreEnAttente } = await import('../../cms/saisines/enAttente')
    await garderBrouillon(base.payload, d.agentA.id, { 'personnes.0.nom': SECRETS.nomA })
    await mettreEnAttente(base.payload, { 'personnes.0.nom': SECRETS.nomA })
  })

  for (const collection of COLLECTIONS) {
    it(`/api/${collection} : liste, lecture, création, modification, suppression refusées à tous`, async () => {
      const cible = await premier(collection)
      expect(cible, `un enregistrement ${collection} existe`).toBeTruthy()
      const total = (await base.payload.count({ collection, overrideAccess: true })).totalDocs
      for (const qui of SESSIONS) {
        const essais = [
          ['lister', await appeler(qui, 'GET', `/${collection}?limit=100&depth=2`)],
          ['lire par id', await appeler(qui, 'GET', `/${collection}/${cible.id}?depth=2`)],
          ['compter', await appeler(qui, 'GET', `/${collection}/count`)],
          ['créer', await appeler(qui, 'POST', `/${collection}`, { ...cible, id: undefined, jeton: `rest-${qui}` })],
          ['modifier', await appeler(qui, 'PATCH', `/${collection}/${cible.id}`, { statut: 'cloturee', texte: 'x', champs: 'x', commentaire: 'x' })],
          ['modifier en masse', await appeler(qui, 'PATCH', `/${collection}?where[id][exists]=true`, { statut: 'cloturee' })],
          ['supprimer', await appeler(qui, 'DELETE', `/${collection}/${cible.id}`)],
          ['supprimer en masse', await appeler(qui, 'DELETE', `/${collection}?where[id][exists]=true`)],
        ] as const
        for (const [operation, { statut, corps }] of essais) {
          expect(statut, `${collection} — ${operation} — ${qui} : ${corps.slice(0, 200)}`).toBe(403)
          for (const s of [SECRETS.nomA, SECRETS.texteLibreA, 'v1:', String(cible.jeton ?? 'jeton-absent')]) expect(corps, `${collection} — ${operation} — ${qui}`).not.toContain(s)
        }
      }
      // Rien n'a bougé : ni création, ni suppression, ni modification.
      expect((await base.payload.count({ collection, overrideAccess: true })).totalDocs).toBe(total)
      expect(await premier(collection)).toEqual(cible)
    })
  }
})

// ---------------------------------------------------------------------------
// L'agent ne reçoit jamais un octet de contenu social.

describe(`ce que l’agent reçoit (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('liste et lecture : seulement les clés de l’article 4, aucun contenu social', async () => {
    const { CLES_RETOUR_POUR_UNITE, CLES_RETOUR_VU } = await import('../../domaine/saisines')
    const recu: unknown[] = []
    for (const agent of [d.agentA, d.agentB]) {
      for (const filtres of [{}, { statut: 'prise-en-charge' }, { unite: String(d.siteA) }, { du: '2026-01-01', au: '2026-12-31' }]) recu.push(await lecture.listerSaisines(base.payload, agent, filtres))
      for (const id of [ids.A, ids.B, ids.inexistante]) recu.push(await lecture.lireSaisine(base.payload, agent, id))
      // Et tout ce que le service lui rend quand il tente de traiter.
      for (const faire of Object.values(OPERATIONS).slice(1)) for (const c of CIBLES) recu.push(await faire(agent, c))
    }
    const vues = recu.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object' && 'vue' in r)
    expect(vues.length).toBeGreaterThanOrEqual(8 + 2)
    const retours: Record<string, unknown>[] = []
    for (const v of vues) {
      if (v.vue === 'unite' && 'lignes' in v) {
        expect(Object.keys(v).sort()).toEqual(['lignes', 'vue'])
        for (const l of v.lignes as Record<string, unknown>[]) {
          expect(Object.keys(l).sort()).toEqual(['id', 'retour'])
          retours.push(l.retour as Record<string, unknown>)
        }
      } else {
        expect(v.vue, 'un agent ne reçoit que la vue de l’unité').toBe('unite')
        expect(Object.keys(v).sort()).toEqual(['id', 'retour', 'vue'])
        retours.push(v.retour as Record<string, unknown>)
      }
    }
    expect(retours.length).toBeGreaterThan(0)
    for (const r of retours) {
      expect(Object.keys(r).sort()).toEqual([...CLES_RETOUR_POUR_UNITE].sort())
      for (const x of r.retours as Record<string, unknown>[]) expect(Object.keys(x).sort()).toEqual([...CLES_RETOUR_VU].sort())
    }
    // Les retours de l'article 4 arrivent bien (le test voit ce qu'il doit voir) …
    expect(JSON.stringify(retours)).toContain('degradation')
    // … et rien d'autre : aucun octet du contenu social, même en minuscules.
    const brut = JSON.stringify(recu)
    for (const m of MOTIFS_SOCIAUX) {
      expect(brut, m).not.toContain(m)
      expect(brut.toLowerCase(), m).not.toContain(m.toLowerCase())
    }
  })

  it('l’intervenant du poste, lui, reçoit le contenu (le test saurait le voir)', async () => {
    const vue = JSON.stringify(await lecture.lireSaisine(base.payload, d.intervA, ids.A))
    for (const s of [SECRETS.nomA, SECRETS.prenomA, SECRETS.telephoneA, SECRETS.texteLibreA, SECRETS.ditA, SECRETS.acte, SECRETS.commentaire, SECRETS.signalement, 'Maison Orbiculaire'])
      expect(vue).toContain(s)
  })
})
