import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { codeTotp } from '../e2e/operateur'
import { demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'
import { champsSaisine, poserDecor, type DecorSaisines } from '../outils/saisinesDeTest'

/**
 * Conservation (cms/saisines/retention.ts) et rotation des clés
 * (cms/saisines/rotation.ts), sur une vraie base : une saisine clôturée il y a
 * 25 mois perd ses données personnelles et garde ses champs statistiques, les
 * autres ne bougent pas ; la simulation n'écrit rien ; la relance ne refait
 * rien. Puis une rotation de la clé A vers la clé B : tout se relit avec B
 * seule, et plus aucune valeur ne porte l'identifiant de A.
 */
let base: BaseDeTest
let d: DecorSaisines
let depot: typeof import('../../cms/saisines/depot')
let traitement: typeof import('../../cms/saisines/traitement')
let conservation: typeof import('../../cms/saisines/retention')

const CLE_A = randomBytes(32).toString('hex')
const CLE_B = randomBytes(32).toString('hex')
const MAINTENANT = new Date()
/** Le jour (AAAA-MM-JJ, UTC) d'il y a `mois` mois. */
const ilYA = (mois: number, jours = 0) => {
  const t = new Date(MAINTENANT)
  t.setUTCMonth(t.getUTCMonth() - mois)
  t.setUTCDate(t.getUTCDate() - jours)
  return t
}
const jour = (t: Date) => t.toISOString().slice(0, 10)

const ANCIENNE = { nom: 'Trismégiste', prenom: 'Ombeline', dateNaissance: '1970-04-04', telephone: '06 01 02 03 04', texteLibre: 'Texte ancien de Ombeline', ditALaPersonne: 'Dit à Ombeline' }
const SECRETS_ANCIENNE = ['Trismégiste', 'Ombeline', '1970-04-04', '06 01 02 03 04', 'Acte ancien confidentiel', 'Commentaire ancien confidentiel', 'Signalement ancien confidentiel', 'Précision ancienne']
const ids = { ancienne: 0, recente: 0, ouverte: 0 }

const COLLECTIONS = ['saisines', 'actes', 'orientations', 'signalements-judiciaires', 'brouillons-saisines'] as const
/** Tout ce que la base tient sur les saisines, brut. */
async function instantane() {
  const tout: Record<string, unknown[]> = {}
  for (const c of COLLECTIONS) tout[c] = (await base.payload.find({ collection: c, sort: 'id', depth: 0, overrideAccess: true, pagination: false, showHiddenFields: true })).docs
  return tout
}
const brut = (collection: (typeof COLLECTIONS)[number], id: number) =>
  base.payload.findByID({ collection, id, depth: 0, overrideAccess: true, showHiddenFields: true }) as unknown as Promise<Record<string, unknown>>
const suiviDe = async (collection: 'actes' | 'orientations' | 'signalements-judiciaires', saisine: number) =>
  (await base.payload.find({ collection, where: { saisine: { equals: saisine } }, depth: 0, overrideAccess: true, pagination: false })).docs as unknown as Record<string, unknown>[]

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  process.env.PASSERELLE_CLE_CHIFFREMENT = CLE_A
  delete process.env.PASSERELLE_CLES_ANCIENNES
  base = await demarrerBaseDeTest()
  d = await poserDecor(base, 'conservation')
  depot = await import('../../cms/saisines/depot')
  traitement = await import('../../cms/saisines/traitement')
  conservation = await import('../../cms/saisines/retention')
  const url = { urlPortail: 'http://passerelle.test' }

  // Clôturée il y a 25 mois, après un suivi complet tenu à l'époque.
  const t26 = ilYA(26)
  const a = await depot.deposerSaisine(base.payload, d.agentA, { ...champsSaisine(ANCIENNE), date: jour(t26) }, { ...url, maintenant: t26 })
  if (!a.ok) throw new Error(`dépôt ancien impossible : ${JSON.stringify(a.erreurs)}`)
  ids.ancienne = a.id
  const o26 = { maintenant: t26 }
  expect(await traitement.changerStatutSaisine(base.payload, d.intervA, a.id, 'prise-en-charge', o26)).toEqual({ ok: true })
  expect(await traitement.modifierConnaissance(base.payload, d.intervA, a.id, { connueDepartement: 'oui', connueCaf: 'non' }, o26)).toEqual({ ok: true })
  expect(await traitement.ajouterActe(base.payload, d.intervA, a.id, { type: 'entretien', date: jour(t26), texte: 'Acte ancien confidentiel' }, o26)).toMatchObject({ ok: true })
  const o = await traitement.ajouterOrientation(base.payload, d.intervA, a.id, { structure: String(d.structure), date: jour(t26), commentaire: 'Commentaire ancien confidentiel' }, o26)
  if (!o.ok) throw new Error('orientation ancienne impossible')
  expect(await traitement.changerStatutDOrientation(base.payload, d.intervA, o.id, 'acceptee', o26)).toEqual({ ok: true })
  expect(
    await traitement.enregistrerSignalement(base.payload, d.intervA, a.id, { article: '226-14', date: jour(t26), destinataire: 'autre', precisionDestinataire: 'Précision ancienne', texte: 'Signalement ancien confidentiel' }, o26),
  ).toMatchObject({ ok: true })
  expect(await traitement.enregistrerRetour(base.payload, d.intervA, a.id, 'refus-aide', o26)).toEqual({ ok: true })
  expect(await traitement.changerStatutSaisine(base.payload, d.intervA, a.id, 'refus', o26)).toEqual({ ok: true })
  expect(await traitement.changerStatutSaisine(base.payload, d.intervA, a.id, 'cloturee', { maintenant: ilYA(25) })).toEqual({ ok: true })

  // Clôturée aujourd'hui : gardée.
  const b = await depot.deposerSaisine(base.payload, d.agentB, champsSaisine({ nom: 'Récentin', prenom: 'Clotaire', texteLibre: 'Texte récent' }), url)
  if (!b.ok) throw new Error('dépôt récent impossible')
  ids.recente = b.id
  expect(await traitement.ajouterActe(base.payload, d.intervB, b.id, { type: 'appel', date: jour(MAINTENANT), texte: 'Acte récent' })).toMatchObject({ ok: true })
  expect(await traitement.changerStatutSaisine(base.payload, d.intervB, b.id, 'cloturee')).toEqual({ ok: true })

  // Déposée il y a 26 mois, jamais clôturée : gardée (seule la clôture fait courir la durée).
  const c = await depot.deposerSaisine(base.payload, d.agentA, { ...champsSaisine({ nom: 'Ouvertin', prenom: 'Perpétue' }), date: jour(t26) }, { ...url, maintenant: t26 })
  if (!c.ok) throw new Error('dépôt ouvert impossible')
  ids.ouverte = c.id

  // Un brouillon de 8 jours (expiré) et un d'aujourd'hui.
  const { garderBrouillon } = await import('../../cms/saisines/brouillons')
  await garderBrouillon(base.payload, d.intervB.id, { 'personnes.0.nom': 'Brouillon expiré' }, ilYA(0, 8))
  await garderBrouillon(base.payload, d.agentB.id, { 'personnes.0.nom': 'Brouillon du jour' })
}, 180_000)
afterAll(async () => base?.fermer())

/** Les champs statistiques, qui survivent à l'effacement. */
const statistiques = (s: Record<string, unknown>) => ({
  ...Object.fromEntries(
    ['jeton', 'poste', 'unite', 'agent', 'auteur', 'mode', 'nature', 'origine', 'date', 'urgence', 'profil', 'problematique', 'accepteContact', 'statut', 'historique', 'retoursArticle4', 'connueDepartement', 'connueCaf', 'priseEnChargeLe', 'clotureeLe'].map((k) => [k, s[k]]),
  ),
  personnes: (s.personnes as Record<string, unknown>[]).map((p) => ({ id: p.id, age: p.age, sexe: p.sexe, situationFamiliale: p.situationFamiliale, commune: p.commune })),
})

describe(`conservation des données personnelles (${process.env.PASSERELLE_TEST_BASE})`, () => {
  let avant: Awaited<ReturnType<typeof instantane>>

  it('simulation : dit ce qui serait effacé, n’écrit rien', async () => {
    avant = await instantane()
    const r = await conservation.appliquerConservation(base.payload, { mois: 24, simulation: true, maintenant: MAINTENANT })
    expect(r).toMatchObject({ saisines: 1, brouillons: 1, simulation: true })
    expect(await instantane()).toEqual(avant)
    expect((await base.payload.count({ collection: 'journal', where: { action: { equals: 'donnees-saisine-effacees' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('`npm run retention -- --dry-run` : rapport français, code 0, rien d’écrit ; option inconnue : code 1, message français', async () => {
    const lancer = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((ok) => {
        execFile('npm', ['run', '--silent', 'retention', '--', ...args], { cwd: racine, env: { ...process.env }, timeout: 120_000 }, (e, stdout, stderr) =>
          ok({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        )
      })
    const simulation = await lancer(['--dry-run'])
    expect(simulation.code, simulation.stderr).toBe(0)
    expect(simulation.stdout).toContain('Conservation des données personnelles : 24 mois après la clôture')
    expect(simulation.stdout).toMatch(/1 saisine clôturée au plus tard le .+ : données personnelles à effacer/)
    expect(simulation.stdout).toContain('1 brouillon de saisine expiré : à supprimer.')
    expect(simulation.stdout).toContain('Simulation (--dry-run) : rien n’a été effacé.')
    // Le rapport ne nomme personne.
    for (const s of SECRETS_ANCIENNE) expect(simulation.stdout + simulation.stderr).not.toContain(s)
    expect(await instantane()).toEqual(avant)

    const inconnue = await lancer(['--force'])
    expect(inconnue.code).toBe(1)
    expect(inconnue.stderr).toContain('Conservation impossible : option inconnue « --force » (seule --dry-run est acceptée)')
    expect(await instantane()).toEqual(avant)
  }, 240_000)

  it('la saisine clôturée il y a 25 mois perd identités, textes et suivi ; ses statistiques restent ; les autres ne bougent pas', async () => {
    const statsAvant = statistiques(await brut('saisines', ids.ancienne))
    const suiviAvant = {
      actes: (await suiviDe('actes', ids.ancienne)).map((a) => ({ type: a.type, date: a.date, poste: a.poste })),
      orientations: (await suiviDe('orientations', ids.ancienne)).map((o) => ({ structure: o.structure, nomStructure: o.nomStructure, statut: o.statut, historique: o.historique, date: o.date })),
      signalements: (await suiviDe('signalements-judiciaires', ids.ancienne)).map((g) => ({ article: g.article, date: g.date, destinataire: g.destinataire })),
    }
    const r = await conservation.appliquerConservation(base.payload, { mois: 24, maintenant: MAINTENANT })
    expect(r).toMatchObject({ saisines: 1, brouillons: 1, simulation: false })

    const s = await brut('saisines', ids.ancienne)
    expect(s).toMatchObject({ texteLibre: null, ditALaPersonne: null })
    expect(s.donneesEffaceesLe).toBeTruthy()
    for (const p of s.personnes as Record<string, unknown>[]) expect(p).toMatchObject({ identite: null, clePersonne: null })
    expect(statistiques(s)).toEqual(statsAvant)
    expect(statsAvant.personnes[0]).toMatchObject({ sexe: 'femme', situationFamiliale: 'separe', commune: '01053' })
    expect(statsAvant.personnes[0]!.age).toBeGreaterThan(50)
    for (const a of await suiviDe('actes', ids.ancienne)) expect(a.texte).toBeNull()
    for (const o of await suiviDe('orientations', ids.ancienne)) expect(o.commentaire).toBeNull()
    for (const g of await suiviDe('signalements-judiciaires', ids.ancienne)) expect(g).toMatchObject({ texte: null, precision: null })
    expect({
      actes: (await suiviDe('actes', ids.ancienne)).map((a) => ({ type: a.type, date: a.date, poste: a.poste })),
      orientations: (await suiviDe('orientations', ids.ancienne)).map((o) => ({ structure: o.structure, nomStructure: o.nomStructure, statut: o.statut, historique: o.historique, date: o.date })),
      signalements: (await suiviDe('signalements-judiciaires', ids.ancienne)).map((g) => ({ article: g.article, date: g.date, destinataire: g.destinataire })),
    }).toEqual(suiviAvant)
    expect(suiviAvant.actes).toHaveLength(1)

    // Récente et ouverte : intactes, octet pour octet, suivi compris.
    const apres = await instantane()
    for (const c of ['saisines', 'actes', 'orientations', 'signalements-judiciaires'] as const) {
      const garde = (docs: unknown[]) => (docs as { id: number; saisine?: number }[]).filter((x) => [ids.recente, ids.ouverte].includes(c === 'saisines' ? x.id : (x.saisine as number)))
      expect(garde(apres[c]), c).toEqual(garde(avant[c]))
    }
    // Le brouillon expiré est parti, celui du jour reste.
    expect((apres['brouillons-saisines'] as { auteur: number }[]).map((b) => b.auteur)).toEqual([d.agentB.id])

    // L'intervenant la lit encore : effacée, statistiques seules.
    const { lireSaisine } = await import('../../cms/saisines/lecture')
    const vue = await lireSaisine(base.payload, d.intervA, ids.ancienne)
    expect(vue).toMatchObject({ vue: 'complete', effacee: true, texteLibre: null, ditALaPersonne: null, nombreActes: 1 })
    const texte = JSON.stringify(vue) + JSON.stringify(apres)
    for (const x of SECRETS_ANCIENNE) expect(texte, x).not.toContain(x)
    // Plus rien à faire sur elle.
    expect(await traitement.ajouterActe(base.payload, d.intervA, ids.ancienne, { type: 'appel', date: jour(MAINTENANT) })).toMatchObject({ ok: false, statut: 409 })
    expect(await traitement.enregistrerSignalement(base.payload, d.intervA, ids.ancienne, { article: '226-14', date: jour(MAINTENANT), destinataire: 'procureur' })).toMatchObject({
      ok: false,
      statut: 409,
      erreurs: { formulaire: expect.stringMatching(/données personnelles ont été effacées/) },
    })
  })

  it('relance : rien de plus, rien de changé', async () => {
    const avantRelance = await instantane()
    const r = await conservation.appliquerConservation(base.payload, { mois: 24, maintenant: MAINTENANT })
    expect(r).toMatchObject({ saisines: 0, brouillons: 0 })
    expect(await instantane()).toEqual(avantRelance)
  })

  it('journal : une ligne « donnees-saisine-effacees » par saisine effacée, identifiant seul', async () => {
    const { docs } = await base.payload.find({ collection: 'journal', where: { action: { equals: 'donnees-saisine-effacees' } }, overrideAccess: true, pagination: false, depth: 0 })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ cible: `saisines:${ids.ancienne}`, acteur: null })
    const tout = JSON.stringify((await base.payload.find({ collection: 'journal', overrideAccess: true, pagination: false, depth: 0 })).docs)
    for (const x of SECRETS_ANCIENNE) expect(tout, x).not.toContain(x)
  })
})


describe(`rotation des clés (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('écrit avec A, rechiffre vers B (A encore lue), puis tout se relit avec B seule et plus rien ne porte le kid de A', async () => {
    const { configuration, lireConfiguration } = await import('../../socle/configuration')
    const { oublierTrousseau, trousseau } = await import('../../cms/chiffrement')
    const { creerChiffreur } = await import('../../socle/chiffrement')
    const { rechiffrer } = await import('../../cms/saisines/rotation')
    const { lireSaisine } = await import('../../cms/saisines/lecture')
    const { garderBrouillon, lireBrouillon } = await import('../../cms/saisines/brouillons')
    const { commencerEnrolement, confirmerEnrolement, contexteSecondFacteur } = await import('../../cms/comptes/secondFacteur')
    const kidA = creerChiffreur(Buffer.from(CLE_A, 'hex')).kid
    const kidB = creerChiffreur(Buffer.from(CLE_B, 'hex')).kid
    /** Comme un redémarrage du serveur avec un autre environnement : la configuration relue, le trousseau refait. */
    const redemarrer = (env: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
      else process.env[k] = v
      Object.assign(configuration(), lireConfiguration())
      oublierTrousseau()
    }
    expect(trousseau().kid).toBe(kidA)

    // Écrit avec A : saisine, acte, orientation, signalement, brouillon, secret TOTP.
    const r = await depot.deposerSaisine(base.payload, d.agentA, champsSaisine({ nom: 'Rotatin', prenom: 'Clémence', texteLibre: 'Texte de rotation', ditALaPersonne: 'Dit de rotation' }), { urlPortail: 'http://passerelle.test' })
    if (!r.ok) throw new Error('dépôt impossible')
    const aujourdhui = jour(MAINTENANT)
    expect(await traitement.ajouterActe(base.payload, d.intervA, r.id, { type: 'entretien', date: aujourdhui, texte: 'Acte de rotation' })).toMatchObject({ ok: true })
    expect(await traitement.ajouterOrientation(base.payload, d.intervA, r.id, { structure: String(d.structure), date: aujourdhui, commentaire: 'Commentaire de rotation' })).toMatchObject({ ok: true })
    expect(await traitement.enregistrerSignalement(base.payload, d.intervA, r.id, { article: '223-6', date: aujourdhui, destinataire: 'procureur', texte: 'Signalement de rotation' })).toMatchObject({ ok: true })
    await garderBrouillon(base.payload, d.agentA.id, { 'personnes.0.nom': 'Brouillon de rotation' })
    const enrolement = await commencerEnrolement(base.payload, d.intervA.id)
    expect(await confirmerEnrolement(base.payload, d.intervA.id, codeTotp(enrolement.secretLisible))).toMatchObject({ ok: true })
    const secretAttendu = Buffer.from(decodeBase32IgnorePadding(enrolement.secretLisible.replace(/\s/g, ''))).toString('base64')

    const chiffres = async () => {
      const tout = await instantane()
      const comptes = (await base.payload.find({ collection: 'utilisateurs', depth: 0, overrideAccess: true, pagination: false, showHiddenFields: true })).docs
      return JSON.stringify([tout, comptes])
    }
    expect(await chiffres()).toContain(`v1:${kidA}:`)

    // Redémarrage : B chiffre, A se lit encore ; la rotation rechiffre.
    redemarrer({ PASSERELLE_CLE_CHIFFREMENT: CLE_B, PASSERELLE_CLES_ANCIENNES: CLE_A })
    expect(trousseau().kid).toBe(kidB)
    const rapport = await rechiffrer(base.payload)
    expect(rapport.simulation).toBe(false)
    for (const c of ['saisines', 'actes', 'orientations', 'signalements-judiciaires', 'brouillons-saisines', 'utilisateurs']) expect(rapport.rechiffrees[c], c).toBeGreaterThan(0)
    // Relancée, elle n'a plus rien à faire.
    expect((await rechiffrer(base.payload)).total).toBe(0)

    // Redémarrage avec B seule.
    redemarrer({ PASSERELLE_CLE_CHIFFREMENT: CLE_B, PASSERELLE_CLES_ANCIENNES: undefined })
    expect(configuration().clesAnciennes).toEqual([])
    const brutApres = await chiffres()
    expect(brutApres).not.toContain(`v1:${kidA}:`)
    expect(brutApres).toContain(`v1:${kidB}:`)

    const vue = await lireSaisine(base.payload, d.intervA, r.id)
    if (vue?.vue !== 'complete') throw new Error('vue complète attendue')
    expect(vue.personnes[0]!.identite).toMatchObject({ nom: 'Rotatin', prenom: 'Clémence', telephone: '06 11 22 33 44' })
    expect(vue).toMatchObject({ texteLibre: 'Texte de rotation', ditALaPersonne: 'Dit de rotation' })
    expect(vue.actes.map((a) => a.texte)).toEqual(['Acte de rotation'])
    expect(vue.orientations.map((o) => o.commentaire)).toEqual(['Commentaire de rotation'])
    expect(vue.signalements.map((g) => g.texte)).toEqual(['Signalement de rotation'])
    // Les saisines du début (récente, ouverte) aussi.
    const recente = await lireSaisine(base.payload, d.intervB, ids.recente)
    expect(recente).toMatchObject({ vue: 'complete', texteLibre: 'Texte récent' })
    expect((await lireBrouillon(base.payload, d.agentA.id))?.champs).toMatchObject({ 'personnes.0.nom': 'Brouillon de rotation' })
    expect((await lireBrouillon(base.payload, d.agentB.id))?.champs).toMatchObject({ 'personnes.0.nom': 'Brouillon du jour' })
    const compte = await base.payload.findByID({ collection: 'utilisateurs', id: d.intervA.id, overrideAccess: true, showHiddenFields: true, depth: 0 })
    expect(trousseau().dechiffrer(compte.totpSecret!, contexteSecondFacteur(d.intervA.id, 'totpSecret'))).toBe(secretAttendu)
  })
})
