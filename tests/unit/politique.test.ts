import { describe, expect, it } from 'vitest'

import { ACTIONS, decider, RESSOURCES, type Action, type Ressource } from '../../domaine/acces/politique'
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
  publication: { lire: '-T----', creer: '------', modifier: '------', supprimer: '------' },
  utilisateurs: { lire: '-TSSSS', creer: '-T----', modifier: '-TSSSS', supprimer: '-T----' },
  'utilisateurs.habilitation': { lire: '------', creer: '-T----', modifier: '-T----', supprimer: '------' },
  admin: { lire: '-T----', creer: '------', modifier: '------', supprimer: '------' },
  journal: { lire: '----T-', creer: '------', modifier: '------', supprimer: '------' },
  comptes: { lire: '-T--T-', creer: '------', modifier: '-T--T-', supprimer: '------' },
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
})
