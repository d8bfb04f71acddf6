import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creerReglesProxy } from '../../serveur/proxy'
import { creerServeur } from '../../serveur/serveur'
import { ENTETE_ADRESSE_CLIENT } from '../../socle/adresseClient'

/**
 * La limitation des connexions compte par adresse du client : l'en-tête que
 * Payload lit doit venir du serveur, jamais du client (sinon un attaquant
 * changerait d'adresse à chaque essai, ou prendrait celle de l'opérateur).
 */
let url: string
const serveur = creerServeur({
  dossierStatique: () => undefined,
  // L'admin (Next) renvoie ici ce qu'il reçoit : l'adresse que verrait Payload.
  next: (req, res) => {
    res.end(String(req.headers[ENTETE_ADRESSE_CLIENT]))
  },
  astro: (_req, _res, suite) => suite(),
  sante: async () => ({ statut: 'ok' as const }),
  // Aucun proxy de confiance : ni l'en-tête du client ni son X-Forwarded-For ne sont crus.
  proxy: creerReglesProxy([]),
})
beforeAll(async () => {
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok))
  url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`
})
afterAll(async () => new Promise((ok) => serveur.close(ok)))

describe('adresse du client transmise à Payload', () => {
  it("est celle de la connexion, même si le client envoie l'en-tête ou un X-Forwarded-For", async () => {
    const reponse = await fetch(`${url}/api/utilisateurs/me`, {
      method: 'POST',
      headers: { [ENTETE_ADRESSE_CLIENT]: '10.1.2.3', 'X-Forwarded-For': '10.4.5.6' },
    })
    expect(await reponse.text()).toBe('127.0.0.1')
  })
})
