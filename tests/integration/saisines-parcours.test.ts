import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import type { ActeurEspace } from '../../cms/saisines/acteur'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Le parcours d'une saisine par le service (cms/saisines/), sur une vraie
 * base : l'agent dépose, l'intervenant du poste la voit et la traite, l'agent
 * ne voit que la prise en charge et les retours de l'article 4.
 */
let base: BaseDeTest
let depot: typeof import('../../cms/saisines/depot')
let lecture: typeof import('../../cms/saisines/lecture')
let traitement: typeof import('../../cms/saisines/traitement')
let acteurDe: typeof import('../../cms/saisines/acteur').acteurSaisineDe
let agent: ActeurEspace
let intervenant: ActeurEspace
let autreIntervenant: ActeurEspace
let structureId: number

const CHAMPS = {
  nature: 'directe',
  date: '2026-12-01',
  urgence: 'non',
  'personnes.0.nom': 'Zéphyrine',
  'personnes.0.prenom': 'Quillebeuf',
  'personnes.0.dateNaissance': '1990-05-17',
  'personnes.0.sexe': 'femme',
  'personnes.0.situationFamiliale': 'separe',
  'personnes.0.commune': '01053',
  'personnes.0.telephone': '06 12 34 56 78',
  profil: 'victime',
  problematique: 'violences-conjugales',
  accepteContact: 'oui',
  texteLibre: 'Appel du voisinage, cris entendus.',
}

beforeAll(async () => {
  process.env.SAISINES_EN_LIGNE = 'oui'
  base = await demarrerBaseDeTest()
  depot = await import('../../cms/saisines/depot')
  lecture = await import('../../cms/saisines/lecture')
  traitement = await import('../../cms/saisines/traitement')
  acteurDe = (await import('../../cms/saisines/acteur')).acteurSaisineDe
  await creerPremierOperateur(base, { email: 'operateur-saisines@example.org', password: 'motdepasse-de-test-saisines-1' })
  const ctx = { sansPublication: true }
  const site = await base.payload.create({ collection: 'sites', data: { nom: 'Brigade de Bourg', slug: 'brigade-bourg', type: 'compagnie', commune: '01053' }, overrideAccess: true, context: ctx })
  const autreSite = await base.payload.create({ collection: 'sites', data: { nom: 'Brigade de Gex', slug: 'brigade-gex', type: 'compagnie', commune: '01173' }, overrideAccess: true, context: ctx })
  const poste = await base.payload.create({ collection: 'postes', data: { intitule: 'IS Bresse', slug: 'is-bresse', secteur: 'Bresse', sites: [site.id] }, overrideAccess: true, context: ctx })
  const autrePoste = await base.payload.create({ collection: 'postes', data: { intitule: 'IS Gex', slug: 'is-gex', secteur: 'Pays de Gex', sites: [autreSite.id] }, overrideAccess: true, context: ctx })
  const compte = async (email: string, data: Partial<Utilisateur>) =>
    acteurDe((await base.payload.create({ collection: 'utilisateurs', data: { email, ...data }, overrideAccess: true })) as Utilisateur)!
  agent = await compte('agent-saisines@interieur.gouv.fr', { role: 'agent-fsi', site: site.id })
  intervenant = await compte('is-bresse@example.org', { role: 'intervenant', poste: poste.id })
  autreIntervenant = await compte('is-gex@example.org', { role: 'intervenant', poste: autrePoste.id })
  structureId = (await base.payload.create({ collection: 'structures', data: { nom: 'France Victimes 01', id_source: 'test-fv01', type_partenaire: 'aide-aux-victimes', date_maj: '2026-11-01' } as never, overrideAccess: true, context: ctx })).id
})
afterAll(async () => base?.fermer())

describe(`parcours d’une saisine (${process.env.PASSERELLE_TEST_BASE})`, () => {
  let id: number

  it('l’agent dépose : unité et poste viennent de son compte, la saisine naît « reçue »', async () => {
    const r = await depot.deposerSaisine(base.payload, agent, { ...CHAMPS, mode: 'telephone', unite: '999' }, { urlPortail: 'http://localhost' })
    expect(r).toMatchObject({ ok: true })
    if (!r.ok) return
    id = r.id
    const brut = await base.payload.findByID({ collection: 'saisines', id, depth: 0, overrideAccess: true })
    expect(brut).toMatchObject({ mode: 'portail', unite: agent.site, agent: agent.id, poste: intervenant.poste, statut: 'recue' })
    expect(brut.personnes[0]).toMatchObject({ age: 36, sexe: 'femme', commune: '01053' })
    expect(JSON.stringify(brut)).not.toMatch(/Zéphyrine|Quillebeuf|voisinage|06 12/)
  })

  it('un formulaire invalide rend les erreurs par champ, en français', async () => {
    const r = await depot.deposerSaisine(base.payload, agent, { ...CHAMPS, 'personnes.0.nom': '', profil: 'inconnu' }, { urlPortail: 'http://localhost' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.erreurs['personnes.0.nom']).toMatch(/^Nom : /)
    expect(r.erreurs.profil).toMatch(/^Profil : /)
  })

  it('l’intervenant du poste lit tout ; celui d’un autre poste ne la trouve pas', async () => {
    const vue = await lecture.lireSaisine(base.payload, intervenant, id)
    expect(vue?.vue).toBe('complete')
    if (vue?.vue !== 'complete') return
    expect(vue.personnes[0]?.identite).toMatchObject({ nom: 'Zéphyrine', prenom: 'Quillebeuf' })
    expect(vue.texteLibre).toBe('Appel du voisinage, cris entendus.')
    expect(await lecture.lireSaisine(base.payload, autreIntervenant, id)).toBeNull()
    expect(await traitement.changerStatutSaisine(base.payload, autreIntervenant, id, 'prise-en-charge')).toMatchObject({ ok: false, statut: 404 })
  })

  it('prise en charge, acte, orientation, refus : l’agent voit la prise en charge et le retour, rien d’autre', async () => {
    expect(await traitement.changerStatutSaisine(base.payload, intervenant, id, 'prise-en-charge')).toEqual({ ok: true })
    expect(await traitement.ajouterActe(base.payload, intervenant, id, { type: 'entretien', date: '2026-12-02', texte: 'Entretien au commissariat.' })).toMatchObject({ ok: true })
    const o = await traitement.ajouterOrientation(base.payload, intervenant, id, { structure: String(structureId), date: '2026-12-02', commentaire: 'Rendez-vous pris.' })
    expect(o).toMatchObject({ ok: true })
    if (o.ok) expect(await traitement.changerStatutDOrientation(base.payload, intervenant, o.id, 'acceptee')).toEqual({ ok: true })
    expect(await traitement.enregistrerRetour(base.payload, intervenant, id, 'refus-aide')).toEqual({ ok: true })
    const vueAgent = await lecture.lireSaisine(base.payload, agent, id)
    expect(vueAgent).toMatchObject({ vue: 'unite', retour: { statut: 'prise-en-charge', retours: [{ type: 'refus-aide' }] } })
    expect(JSON.stringify(vueAgent)).not.toMatch(/Zéphyrine|Quillebeuf|voisinage|Entretien|France Victimes|Rendez-vous/)
    const vue = await lecture.lireSaisine(base.payload, intervenant, id)
    if (vue?.vue !== 'complete') throw new Error('vue complète attendue')
    expect(vue.nombreActes).toBe(1)
    expect(vue.orientations[0]).toMatchObject({ nomStructure: 'France Victimes 01', statut: 'acceptee', commentaire: 'Rendez-vous pris.' })
  })

  it('droit d’accès : la coordination exporte tout ce qui est tenu sur la personne (JSON et PDF) ; l’intervenant et l’agent non', async () => {
    const { exporterDonneesPersonne } = await import('../../cms/saisines/accesPersonne')
    const { pdfExportPersonne } = await import('../../domaine/saisines/export-personne-pdf')
    const coordination = acteurDe(
      (await base.payload.create({ collection: 'utilisateurs', data: { email: 'coordination-saisines@example.org', role: 'coordination' }, overrideAccess: true })) as Utilisateur,
    )!
    const demande = { nom: 'ZEPHYRINE', prenom: 'quillebeuf', dateNaissance: '1990-05-17' }
    for (const a of [intervenant, agent]) expect(await exporterDonneesPersonne(base.payload, a, demande)).toMatchObject({ ok: false, statut: 403 })
    expect(await exporterDonneesPersonne(base.payload, coordination, { nom: 'Zéphyrine', prenom: '' })).toMatchObject({
      ok: false,
      erreurs: { prenom: 'Prénom : champ obligatoire', dateNaissance: expect.stringMatching(/^Date de naissance : /) },
    })
    const r = await exporterDonneesPersonne(base.payload, coordination, demande)
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs))
    expect(r.export.saisines).toHaveLength(1)
    expect(r.export.saisines[0]).toMatchObject({ identite: { nom: 'Zéphyrine', telephone: '06 12 34 56 78' }, actes: [{ type: 'entretien', texte: 'Entretien au commissariat.' }], orientations: [{ structure: 'France Victimes 01' }] })
    expect((await pdfExportPersonne(r.export)).byteLength).toBeGreaterThan(1000)
    const inconnue = await exporterDonneesPersonne(base.payload, coordination, { ...demande, dateNaissance: '1990-05-18' })
    expect(inconnue.ok && inconnue.export.saisines).toEqual([])
  })

  it('chaque lecture et écriture laisse sa ligne au journal, sans contenu', async () => {
    const { docs } = await base.payload.find({ collection: 'journal', pagination: false, overrideAccess: true })
    const actions = docs.map((d) => d.action)
    for (const a of ['acces-personne-exporte', 'saisine-deposee', 'saisine-consultee', 'saisine-statut-change', 'acte-enregistre', 'orientation-enregistree', 'orientation-modifiee', 'retour-unite-enregistre'])
      expect(actions).toContain(a)
    expect(JSON.stringify(docs)).not.toMatch(/Zéphyrine|Quillebeuf/)
  })
})
