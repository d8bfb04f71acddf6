import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Utilisateur } from '../../cms/payload-types'
import { hacherMotDePasse } from '../../domaine/acces/empreinte-mot-de-passe'
import { creerPremierOperateur, demarrerBaseDeTest, type BaseDeTest } from '../outils/payloadDeTest'

/**
 * Changer son mot de passe depuis « mon compte » : ancien vérifié, règles du
 * nouveau, confirmation ; les autres sessions sont fermées, celle d'où l'on
 * change est gardée ; une ligne de journal sans aucune valeur saisie.
 *
 * S'appuie sur le champ `motDePasse` et les sessions du socle de la branche
 * main : tant que cette branche n'est pas fusionnée (champ absent), le test est
 * sauté plutôt que de tester des versions provisoires.
 */
let base: BaseDeTest
let operateur: Utilisateur
let socleDeSessions = false
const ANCIEN = 'ancienne phrase de passe du test'
const NOUVEAU = 'nouvelle phrase de passe du test'

beforeAll(async () => {
  base = await demarrerBaseDeTest()
  operateur = (await creerPremierOperateur(base, { email: 'operateur-mdp@example.org', password: ANCIEN })) as Utilisateur
  socleDeSessions = base.payload.collections.utilisateurs.config.fields.some((f) => 'name' in f && f.name === 'motDePasse')
  if (socleDeSessions)
    await base.payload.update({ collection: 'utilisateurs', id: operateur.id, data: { motDePasse: await hacherMotDePasse(ANCIEN) } as never, overrideAccess: true })
})
afterAll(async () => base?.fermer())

describe(`changement de mot de passe (${process.env.PASSERELLE_TEST_BASE})`, () => {
  it('erreurs nommant le champ, puis changement qui ferme les autres sessions', async (contexte) => {
    if (!socleDeSessions) contexte.skip()
    const { changerMotDePasse } = await import('../../cms/comptes/motDePasse')
    const { listerSessions, ouvrirSession } = await import('../../cms/auth/sessions')
    const { verifierMotDePasse } = await import('../../domaine/acces/empreinte-mot-de-passe')
    await ouvrirSession(base.payload, { utilisateur: operateur.id, secondFacteur: true, methode: 'mot-de-passe', appareil: 'autre poste' })
    await ouvrirSession(base.payload, { utilisateur: operateur.id, secondFacteur: true, methode: 'mot-de-passe', appareil: 'ce poste' })
    const sessions = await listerSessions(base.payload, operateur.id)
    const ici = sessions.find((s) => s.appareil === 'ce poste')!
    const changer = (saisie: { ancien: string; nouveau: string; confirmation: string }) =>
      changerMotDePasse(base.payload, { utilisateurId: operateur.id, sessionId: ici.id, saisie })

    expect(await changer({ ancien: '', nouveau: 'court', confirmation: 'autre' })).toEqual({
      ok: false,
      erreurs: {
        ancien: expect.stringMatching(/^Mot de passe actuel : /),
        nouveau: expect.stringMatching(/^Nouveau mot de passe : au moins 12/),
        confirmation: expect.stringMatching(/^Confirmation du nouveau mot de passe : /),
      },
    })
    expect(await changer({ ancien: 'pas le bon mot de passe', nouveau: NOUVEAU, confirmation: NOUVEAU })).toEqual({
      ok: false,
      erreurs: { ancien: 'Mot de passe actuel : il est incorrect.' },
    })
    expect(await changer({ ancien: ANCIEN, nouveau: NOUVEAU, confirmation: NOUVEAU })).toEqual({ ok: true })

    const apres = await base.payload.findByID({ collection: 'utilisateurs', id: operateur.id, overrideAccess: true, showHiddenFields: true })
    expect(await verifierMotDePasse(NOUVEAU, (apres as { motDePasse?: string }).motDePasse ?? '')).toBe(true)
    expect((await listerSessions(base.payload, operateur.id)).map((s) => s.id)).toEqual([ici.id])
    const journal = await base.payload.find({ collection: 'journal', where: { action: { equals: 'mot-de-passe-change' } }, overrideAccess: true })
    expect(journal.docs.map((l) => l.cible)).toEqual([`utilisateurs:${operateur.id}`])
    expect(JSON.stringify(journal.docs)).not.toMatch(/phrase de passe/)
  })
})
