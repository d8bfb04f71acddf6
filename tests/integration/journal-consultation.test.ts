import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lirePageJournal, parcourirJournal } from '../../cms/lectureJournal'
import type { Journal, Utilisateur } from '../../cms/payload-types'
import { cellulesJournal, documentCsv, ENTETES_JOURNAL } from '../../domaine/journal/csv'
import { lireFiltreJournal, TAILLE_PAGE_JOURNAL } from '../../domaine/journal/filtre'
import { creerCompte, creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Consultation du journal d'audit (page /espace/journal et export CSV) : la
 * lecture filtrée passe par l'API locale de Payload avec les droits de la
 * personne connectée. La coordination obtient exactement les lignes du
 * filtre ; les autres rôles sont refusés par Payload lui-même.
 */
let base: BaseDeTest
const comptes = {} as Record<'operateur' | 'coordination' | 'intervenant' | 'agent' | 'financeur', Utilisateur>
const MOT_DE_PASSE = 'motdepasse-de-test-consultation-1'

const ligne = (data: Partial<Journal> & Pick<Journal, 'action'>) =>
  base.payload.create({ collection: 'journal', data: data as Journal, overrideAccess: true }) as Promise<Journal>
const filtre = (requete: string) => {
  const l = lireFiltreJournal(new URLSearchParams(requete))
  expect(l.erreurs).toEqual({})
  return l.filtre!
}
const tout = async (utilisateur: Utilisateur, requete: string, lot?: number) => {
  const lues: Journal[] = []
  for await (const l of parcourirJournal(base.payload, utilisateur, filtre(requete), lot)) lues.push(l as Journal)
  return lues
}

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  comptes.operateur = (await creerPremierOperateur(base, { email: 'operateur-consultation@example.org', password: MOT_DE_PASSE })) as Utilisateur
  for (const [cle, role] of [['coordination', 'coordination'], ['intervenant', 'intervenant'], ['agent', 'agent-fsi'], ['financeur', 'financeur']] as const)
    comptes[cle] = (await creerCompte(base, { email: `${cle}-consultation@example.org`, role })) as Utilisateur
})
afterAll(async () => base?.fermer())

describe(`consultation du journal d’audit (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('filtre par action, compte, enregistrement visé et adresse : exactement les bonnes lignes, des plus récentes aux plus anciennes', async () => {
    const { coordination, agent, operateur } = comptes
    const attendues = [
      await ligne({ action: 'role-modifie', acteur: operateur.id, cible: `utilisateurs:${agent.id}`, adresse: '198.51.100.7' }),
      await ligne({ action: 'role-modifie', acteur: operateur.id, cible: `utilisateurs:${agent.id}`, adresse: '198.51.100.7' }),
    ]
    // Voisines qui ne diffèrent que d'un critère.
    await ligne({ action: 'connexion', acteur: operateur.id, cible: `utilisateurs:${agent.id}`, adresse: '198.51.100.7' })
    await ligne({ action: 'role-modifie', acteur: coordination.id, cible: `utilisateurs:${agent.id}`, adresse: '198.51.100.7' })
    await ligne({ action: 'role-modifie', acteur: operateur.id, cible: `utilisateurs:${coordination.id}`, adresse: '198.51.100.7' })
    await ligne({ action: 'role-modifie', acteur: operateur.id, cible: `utilisateurs:${agent.id}`, adresse: '198.51.100.8' })

    const requete = `action=role-modifie&compte=${operateur.id}&cible=utilisateurs:${agent.id}&adresse=198.51.100.7`
    const page = await lirePageJournal(base.payload, coordination, filtre(requete), 1)
    expect(page.docs.map((l) => l.id)).toEqual(attendues.map((l) => l.id).reverse())
    expect(page.totalDocs).toBe(2)
    expect((await tout(coordination, requete)).map((l) => l.id)).toEqual(attendues.map((l) => l.id).reverse())
    // Chaque critère seul restreint bien : par adresse, 5 lignes sur les 6.
    expect((await tout(coordination, 'adresse=198.51.100.7')).length).toBe(5)
  })

  it('la période se lit en jours civils de Paris, bornes comprises', async () => {
    const { coordination } = comptes
    // 15 juin 2026 à Paris (heure d'été, UTC+2) : du 14 à 22 h Z au 15 à 22 h Z exclu.
    const avant = await ligne({ action: 'deconnexion', adresse: '203.0.113.1', createdAt: '2026-06-14T21:59:59.000Z' })
    const debut = await ligne({ action: 'deconnexion', adresse: '203.0.113.1', createdAt: '2026-06-14T22:00:00.000Z' })
    const fin = await ligne({ action: 'deconnexion', adresse: '203.0.113.1', createdAt: '2026-06-15T21:59:59.000Z' })
    const apres = await ligne({ action: 'deconnexion', adresse: '203.0.113.1', createdAt: '2026-06-15T22:00:00.000Z' })
    expect(new Date(debut.createdAt).toISOString()).toBe('2026-06-14T22:00:00.000Z')
    const ids = async (requete: string) => (await tout(coordination, `adresse=203.0.113.1&${requete}`)).map((l) => l.id)
    expect(await ids('du=2026-06-15&au=2026-06-15')).toEqual([fin.id, debut.id])
    expect(await ids('du=2026-06-15')).toEqual([apres.id, fin.id, debut.id])
    expect(await ids('au=2026-06-14')).toEqual([avant.id])
  })

  it('pagine sans perdre ni répéter de ligne, et l’export parcourt tout par lots', async () => {
    const { coordination } = comptes
    const creees: Journal[] = []
    for (let i = 0; i < TAILLE_PAGE_JOURNAL + 12; i++) creees.push(await ligne({ action: 'connexion', adresse: '192.0.2.62' }))
    const attendu = creees.map((l) => l.id).reverse()
    const p1 = await lirePageJournal(base.payload, coordination, filtre('adresse=192.0.2.62'), 1)
    const p2 = await lirePageJournal(base.payload, coordination, filtre('adresse=192.0.2.62'), 2)
    expect(p1.totalDocs).toBe(TAILLE_PAGE_JOURNAL + 12)
    expect(p1.totalPages).toBe(2)
    expect([...p1.docs, ...p2.docs].map((l) => l.id)).toEqual(attendu)
    // Par lots de 7, avec une ligne ajoutée en cours de route : ni sautée, ni répétée, ni incluse après coup.
    const lues: number[] = []
    for await (const l of parcourirJournal(base.payload, coordination, filtre('adresse=192.0.2.62'), 7)) {
      lues.push(Number(l.id))
      if (lues.length === 10) await ligne({ action: 'connexion', adresse: '192.0.2.62' })
    }
    expect(lues).toEqual(attendu)
  })

  it('l’export CSV neutralise une cellule piégée venue de la base', async () => {
    const { coordination } = comptes
    await ligne({ action: 'connexion-refusee', cible: '=HYPERLINK("http://exemple.invalid";"x")', adresse: '192.0.2.99' })
    const csv = documentCsv(ENTETES_JOURNAL, (await tout(coordination, 'adresse=192.0.2.99')).map(cellulesJournal))
    expect(csv).toContain(`"'=HYPERLINK(""http://exemple.invalid"";""x"")"`)
    expect(csv).not.toMatch(/;=HYPERLINK/)
  })

  it('refusé par Payload à tout autre rôle, même en passant outre la page', async () => {
    for (const cle of ['operateur', 'intervenant', 'agent', 'financeur'] as const) {
      await expect(lirePageJournal(base.payload, comptes[cle], {}, 1), cle).rejects.toThrow()
      await expect(parcourirJournal(base.payload, comptes[cle], {}).next(), cle).rejects.toThrow()
    }
    expect((await lirePageJournal(base.payload, comptes.coordination, {}, 1)).totalDocs).toBeGreaterThan(0)
  })
})
