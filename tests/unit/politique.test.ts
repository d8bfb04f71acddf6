import { describe, expect, it } from 'vitest'

import { ACTIONS, decider, peutGererCompte, RESSOURCES, rolesAttribuables, vueIndicateurs, type Action, type Ressource } from '../../domaine/acces/politique'
import { ROLES, type Role } from '../../domaine/acces/roles'

/**
 * La politique d'autorisation, case par case, contre un tableau écrit à la main
 * (pas recalculé depuis le code) : « T » tout, « S » ses propres
 * enregistrements, « - » refusé. Colonnes : anonyme, opérateur, intervenant,
 * agent FSI, coordination, financeur.
 */
const ACTEURS = ['anonyme', 'operateur', 'intervenant', 'agent-fsi', 'coordination', 'financeur'] as const
const ATTENDU: Record<Ressource, Record<Action, string>> = {
  'contenu-editorial': { lire: 'TTTTTT', creer: '-T----', modifier: '-T----', supprimer: '-T----' },
  signalements: { lire: '-T----', creer: '-T----', modifier: '-T----', supprimer: '-T----' },
  vocabulaire: { lire: '-T----', creer: '-T----', modifier: '-T----', supprimer: '-T----' },
  'recherches-sans-resultat': { lire: '-T----', creer: '------', modifier: '-T----', supprimer: '-T----' },
  publication: { lire: '-T----', creer: '------', modifier: '------', supprimer: '------' },
  utilisateurs: { lire: '-TSSSS', creer: '------', modifier: '-TSSSS', supprimer: '-T----' },
  'utilisateurs.habilitation': { lire: '------', creer: '-T----', modifier: '-T----', supprimer: '------' },
  admin: { lire: '-T----', creer: '------', modifier: '------', supprimer: '------' },
  journal: { lire: '----T-', creer: '------', modifier: '------', supprimer: '------' },
  invitations: { lire: '-T--T-', creer: '-T--T-', modifier: '-T--T-', supprimer: '------' },
  comptes: { lire: '-T--T-', creer: '------', modifier: '-T--T-', supprimer: '------' },
  indicateurs: { lire: '-T--TT', creer: '------', modifier: '------', supprimer: '------' },
  sessions: { lire: '-SSSSS', creer: '------', modifier: '------', supprimer: '------' },
}

const code = (d: ReturnType<typeof decider>) => (!d.permis ? '-' : d.portee === 'tout' ? 'T' : 'S')

describe('politique d’autorisation', () => {
  it('couvre exactement les ressources du tableau attendu', () => {
    expect([...RESSOURCES].sort()).toEqual(Object.keys(ATTENDU).sort())
    expect(ACTEURS.slice(1)).toEqual(expect.arrayContaining(Object.keys(ROLES)))
  })

  for (const ressource of Object.keys(ATTENDU) as Ressource[])
    for (const action of ACTIONS)
      it(`${ressource} › ${action}`, () => {
        const obtenu = ACTEURS.map((a) => code(decider(a === 'anonyme' ? null : { id: 7, role: a as Role }, action, ressource))).join('')
        expect(obtenu).toBe(ATTENDU[ressource][action])
      })

  it('un compte suspendu n’a plus aucun droit, pas même de lire le contenu public en son nom', () => {
    for (const ressource of RESSOURCES)
      for (const action of ACTIONS) expect(decider({ id: 1, role: 'operateur', suspendu: true }, action, ressource).permis).toBe(false)
  })

  it('l’opérateur donne tous les rôles, la coordination tous sauf « opérateur », les autres aucun', () => {
    expect([...rolesAttribuables({ id: 1, role: 'operateur' })].sort()).toEqual(Object.keys(ROLES).sort())
    expect([...rolesAttribuables({ id: 1, role: 'coordination' })].sort()).toEqual(['agent-fsi', 'coordination', 'financeur', 'intervenant'])
    for (const role of ['intervenant', 'agent-fsi', 'financeur'] as const) expect(rolesAttribuables({ id: 1, role })).toEqual([])
    expect(rolesAttribuables({ id: 1, role: 'operateur', suspendu: true })).toEqual([])
    expect(rolesAttribuables(null)).toEqual([])
  })

  it('gérer un compte : jamais le sien, jamais un compte ou un rôle qu’on ne pourrait pas donner', () => {
    const coordination = { id: 2, role: 'coordination' as const }
    const operateur = { id: 1, role: 'operateur' as const }
    expect(peutGererCompte(coordination, { id: 5, role: 'agent-fsi' })).toBe(true)
    expect(peutGererCompte(coordination, { id: 5, role: 'agent-fsi' }, 'financeur')).toBe(true)
    expect(peutGererCompte(coordination, { id: 5, role: 'agent-fsi' }, 'operateur')).toBe(false)
    expect(peutGererCompte(coordination, { id: 1, role: 'operateur' })).toBe(false)
    expect(peutGererCompte(coordination, { id: 2, role: 'coordination' })).toBe(false)
    expect(peutGererCompte(operateur, { id: 3, role: 'operateur' })).toBe(true)
    expect(peutGererCompte(operateur, { id: 1, role: 'operateur' }, 'financeur')).toBe(false)
    expect(peutGererCompte({ id: 9, role: 'intervenant' }, { id: 5, role: 'agent-fsi' })).toBe(false)
    expect(peutGererCompte({ ...operateur, suspendu: true }, { id: 5, role: 'agent-fsi' })).toBe(false)
    expect(peutGererCompte(null, { id: 5, role: 'agent-fsi' })).toBe(false)
  })

  it('indicateurs : chiffres entiers pour l’opérateur et la coordination, toujours au secret statistique pour le financeur, rien pour les autres', () => {
    const vues = Object.fromEntries(ACTEURS.map((a) => [a, vueIndicateurs(a === 'anonyme' ? null : { id: 7, role: a as Role })]))
    expect(vues).toEqual({
      anonyme: null,
      operateur: 'complete',
      intervenant: null,
      'agent-fsi': null,
      coordination: 'complete',
      financeur: 'secret-statistique',
    })
    expect(vueIndicateurs({ id: 7, role: 'financeur', suspendu: true })).toBeNull()
    expect(vueIndicateurs({ id: 7, role: 'coordination', suspendu: true })).toBeNull()
  })
})
