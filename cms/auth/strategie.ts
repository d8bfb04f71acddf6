import type { AuthStrategy } from 'payload'

import { jetonDuCookie } from './cookie'
import { validerJeton } from './sessions'

/**
 * La stratégie d'authentification de Payload (API REST, GraphQL, admin) : la
 * même session que le portail, lue dans le même cookie. Une session dont le
 * second facteur reste à vérifier n'ouvre rien : ni l'admin, ni l'API.
 */
export const strategieSession: AuthStrategy = {
  name: 'session-passerelle',
  authenticate: async ({ headers, payload }) => {
    const valide = await validerJeton(payload, jetonDuCookie(headers.get('cookie')))
    if (!valide?.complete) return { user: null }
    return { user: { ...valide.utilisateur, collection: 'utilisateurs', _strategy: 'session-passerelle' } }
  },
}
