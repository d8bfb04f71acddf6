import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { validerFichierDataInclusion } from '../../content/schemas/data-inclusion'
import type { RecherchesSansResultat, Utilisateur, Vocabulaire } from '../../cms/payload-types'
import { creerMoteurEmbarque, documentsDepuisFichier, type MoteurRecherche } from '../../search/index'
import { lireParametres } from '../../search/parametres'
import { estSansResultat } from '../../search/retour/decision'
import { LimiteRetour } from '../../search/retour/limite'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, racine, type BaseDeTest } from '../outils/payloadDeTest'
import { aussiSurPostgresSiLongs } from '../outils/testsLongs'

/**
 * Boucle de retour « Recherches sans résultat » sur une vraie base : une
 * recherche du portail qui ne trouve rien est comptée une fois par forme
 * normalisée ; un nom ou un numéro ne sont jamais gardés ; l'opérateur la
 * rattache à une entrée du vocabulaire en un enregistrement et la même
 * recherche trouve alors des services ; la purge efface au-delà de 90 jours.
 */

// Sans rien de propre à PostgreSQL : sur cette base, seulement avec PASSERELLE_TESTS_LONGS=oui (tests/outils/testsLongs.ts).
const actif = aussiSurPostgresSiLongs()
const FIXTURE = path.join(racine, '..', 'shared', 'fixtures', 'partenaires-ain.json')
const collection = 'recherches-sans-resultat'

let base: BaseDeTest
let payload: Payload
let comptage: typeof import('../../cms/collections/RecherchesSansResultat/comptage')
let moteurPartage: typeof import('../../search/partage')
let moteur: MoteurRecherche
let operateur: Utilisateur

const entrees = async () =>
  (await payload.find({ collection, pagination: false, depth: 0, sort: 'requete', overrideAccess: true })).docs as RecherchesSansResultat[]
const entree = async (requete: string) => (await entrees()).find((e) => e.requete === requete)
const fiche = async (code: string) =>
  (await payload.find({ collection: 'vocabulaire', where: { code: { equals: code } }, depth: 0, overrideAccess: true })).docs[0] as Vocabulaire

/** Ce que fait la page /annuaire/recherche : chercher, puis compter si rien n'est trouvé. */
async function rechercherDepuisLePortail(q: string, options: { adresse?: string; limite?: LimiteRetour; maintenant?: Date } = {}) {
  const lus = lireParametres(new URL(`http://passerelle.test/annuaire/recherche?q=${encodeURIComponent(q)}`))
  if (!lus.ok) throw new Error(lus.erreurs.join(' ; '))
  const reponse = await moteur.rechercher(lus.valeur.requete)
  const issue = estSansResultat(lus.valeur, reponse)
    ? await comptage.compterRechercheSansResultat(
        payload,
        { texte: q, adresse: options.adresse ?? '192.0.2.1' },
        { examiner: (t) => moteur.examinerRecherche(t), limite: options.limite ?? new LimiteRetour(), maintenant: options.maintenant },
      )
    : undefined
  return { reponse, issue }
}

beforeAll(async () => {
  if (!actif) return
  base = await demarrerBaseDeTest()
  payload = base.payload
  comptage = await import('../../cms/collections/RecherchesSansResultat/comptage')
  moteurPartage = await import('../../search/partage')
  const { seederVocabulaire } = await import('../../cms/seed/vocabulaire')
  const { vocabulaireDuCms } = await import('../../cms/recherche/vocabulaire')
  await seederVocabulaire(payload)
  operateur = (await creerPremierOperateur(base, { email: 'operateur@example.org', password: 'un mot de passe assez long pour le test' })) as Utilisateur
  moteur = creerMoteurEmbarque({ vocabulaire: await vocabulaireDuCms(payload) })
  if (existsSync(FIXTURE)) {
    const fichier = validerFichierDataInclusion(JSON.parse(readFileSync(FIXTURE, 'utf8')), 'partenaires-ain.json')
    await moteur.remplacerTout(documentsDepuisFichier(fichier))
  }
  // Le moteur « du serveur » : celui que le hook du vocabulaire met à jour.
  moteurPartage.installerMoteur(moteur)
})
afterAll(async () => {
  moteurPartage?.installerMoteur(undefined)
  await base?.fermer()
})

describe.skipIf(!existsSync(FIXTURE) || !actif)(`recherches sans résultat (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('une recherche sans résultat est comptée une fois par forme normalisée', async () => {
    const limite = new LimiteRetour()
    const premiere = await rechercherDepuisLePortail('Baraque  effondrée !', { limite })
    expect(premiere.reponse.statut).toBe('aucun-resultat')
    expect(premiere.issue).toEqual({ comptee: true, requete: 'baraque effondree', nouvelle: true })
    await rechercherDepuisLePortail('baraque effondree', { limite, adresse: '192.0.2.2' })
    await rechercherDepuisLePortail('BARAQUE EFFONDREE', { limite })

    const e = (await entree('baraque effondree'))!
    expect(e).toMatchObject({ requete: 'baraque effondree', nombre: 3, statut: 'a-traiter' })
    expect(e.derniere_recherche >= e.premiere_recherche).toBe(true)
    expect((await entrees()).map((x) => x.requete)).toEqual(['baraque effondree'])
    // Rien d'autre n'est gardé : ni adresse, ni compte, ni texte saisi.
    const permis = new Set(['concept', 'createdAt', 'derniere_recherche', 'id', 'nombre', 'premiere_recherche', 'rattachee_le', 'requete', 'statut', 'updatedAt'])
    expect(Object.keys(e).filter((k) => !permis.has(k))).toEqual([])
    expect(JSON.stringify(e)).not.toMatch(/192\.0\.2|Baraque|effondrée/)
  })

  it('une recherche qui trouve des services n’est pas comptée', async () => {
    const { reponse, issue } = await rechercherDepuisLePortail('hébergement d’urgence')
    expect(reponse.statut).toBe('resultats')
    expect(issue).toBeUndefined()
    expect(await entree('hebergement d urgence')).toBeUndefined()
  })

  it('une recherche avec un nom ou un numéro de téléphone n’est jamais gardée', async () => {
    const avant = await entrees()
    for (const [q, raison] of [
      ['Mme Dupont hébergement', 'nom-de-personne'],
      ['kevin durand fugue', 'nom-de-personne'],
      ['toiture envolée 06 12 34 56 78', 'telephone'],
      ['baraque effondrée 12 rue de la Paix', 'adresse'],
      ['baraque effondrée contact@example.org', 'courriel'],
    ] as const) {
      const issue = await comptage.compterRechercheSansResultat(payload, { texte: q, adresse: '192.0.2.1' }, { examiner: (t) => moteur.examinerRecherche(t), limite: new LimiteRetour() })
      expect(issue).toEqual({ comptee: false, raison })
    }
    expect(await entrees()).toEqual(avant)
    expect(JSON.stringify(await entrees())).not.toMatch(/dupont|kevin|durand|06 12|0612|paix|example/i)
  })

  it('un robot ne remplit pas la table : plafond de nouvelles entrées par adresse', async () => {
    const limite = new LimiteRetour({ plafonds: { nouvellesParAdresse: 2 } })
    const issues = []
    for (const q of ['chien errant', 'toiture envolee tempete', 'grenier insalubre punaises'])
      issues.push((await rechercherDepuisLePortail(q, { limite, adresse: '198.51.100.7' })).issue)
    expect(issues.map((i) => i?.comptee)).toEqual([true, true, false])
    expect(issues[2]).toEqual({ comptee: false, raison: 'plafond' })
    expect(await entree('grenier insalubre punaises')).toBeUndefined()
  })

  it('seul l’opérateur lit, et personne ne crée par l’API', async () => {
    const intervenant = (await creerCompte(base, { email: 'intervenant@example.org', role: 'intervenant' })) as Utilisateur
    await expect(payload.find({ collection, user: intervenant, overrideAccess: false })).rejects.toMatchObject({ status: 403 })
    expect((await payload.find({ collection, user: operateur, overrideAccess: false })).totalDocs).toBeGreaterThan(0)
    await expect(
      payload.create({ collection, data: { requete: 'cree a la main', nombre: 1, premiere_recherche: new Date().toISOString(), derniere_recherche: new Date().toISOString(), statut: 'a-traiter' }, user: operateur, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('le rattachement ajoute l’expression au concept, et la même recherche trouve alors des services', async () => {
    const hebergement = await fiche('hebergement-urgence')
    const e = (await entree('baraque effondree'))!
    const modifiee = await payload.update({ collection, id: e.id, data: { concept: hebergement.id }, user: operateur, overrideAccess: false, depth: 0 })
    expect(modifiee).toMatchObject({ statut: 'rattachee', concept: hebergement.id, nombre: 3 })
    expect(modifiee.rattachee_le).toBeTruthy()
    expect((await fiche('hebergement-urgence')).expressions).toContain('baraque effondree')

    const { reponse, issue } = await rechercherDepuisLePortail('baraque effondrée')
    expect(reponse.statut).toBe('resultats')
    expect(reponse.comprehension.concepts.join(' ')).toMatch(/H[ée]bergement d.urgence/i)
    expect(issue).toBeUndefined()
    expect((await entree('baraque effondree'))!.nombre).toBe(3)
  })

  it('un rattachement que le vocabulaire refuse ne change rien et le dit en français', async () => {
    await comptage.compterRechercheSansResultat(payload, { texte: 'femme battue', adresse: '192.0.2.1' }, { examiner: (t) => moteur.examinerRecherche(t), limite: new LimiteRetour() })
    const e = (await entree('femme battue'))!
    const fugue = await fiche('fugue')
    await expect(payload.update({ collection, id: e.id, data: { concept: fugue.id }, user: operateur, overrideAccess: false })).rejects.toMatchObject({
      name: 'ValidationError',
      data: { errors: [{ path: 'concept', message: expect.stringMatching(/^Entrée du vocabulaire : « femme battue » ne peut pas devenir une expression de « .+ » : .*déjà rattaché à « violences-conjugales »/) }] },
    })
    expect(await fiche('fugue')).toEqual(fugue)
    expect(await entree('femme battue')).toMatchObject({ statut: 'a-traiter', concept: null })
  })

  it('l’opérateur ne modifie ni la requête ni les comptes', async () => {
    const e = (await entree('chien errant'))!
    const apres = await payload.update({ collection, id: e.id, data: { requete: 'autre chose', nombre: 999 }, user: operateur, overrideAccess: false, depth: 0 })
    expect(apres).toMatchObject({ requete: 'chien errant', nombre: e.nombre })
  })

  it('purge les entrées dont la dernière recherche a plus de 90 jours', async () => {
    const maintenant = new Date()
    const jours = (n: number) => new Date(maintenant.getTime() - n * 86_400_000)
    const examiner = (t: string) => moteur.examinerRecherche(t)
    await comptage.compterRechercheSansResultat(payload, { texte: 'veterinaire de garde', adresse: 'a' }, { examiner, limite: new LimiteRetour(), maintenant: jours(120) })
    await comptage.compterRechercheSansResultat(payload, { texte: 'sinistre incendie relogement', adresse: 'a' }, { examiner, limite: new LimiteRetour(), maintenant: jours(95) })
    // Recherchée de nouveau il y a 10 jours : gardée.
    await comptage.compterRechercheSansResultat(payload, { texte: 'sinistre incendie relogement', adresse: 'a' }, { examiner, limite: new LimiteRetour(), maintenant: jours(10) })
    await comptage.compterRechercheSansResultat(payload, { texte: 'grenier insalubre punaises', adresse: 'a' }, { examiner, limite: new LimiteRetour(), maintenant: jours(89) })

    expect(await comptage.purgerRecherchesSansResultat(payload, maintenant)).toBe(1)
    expect(await entree('veterinaire de garde')).toBeUndefined()
    expect(await entree('sinistre incendie relogement')).toMatchObject({ nombre: 2 })
    expect(await entree('grenier insalubre punaises')).toBeDefined()
    // Deux jours plus tard, celle d'il y a 89 jours a passé 90 jours.
    expect(await comptage.purgerRecherchesSansResultat(payload, new Date(maintenant.getTime() + 2 * 86_400_000))).toBe(1)
    expect(await entree('grenier insalubre punaises')).toBeUndefined()
    expect(await entree('sinistre incendie relogement')).toBeDefined()
  })
})
