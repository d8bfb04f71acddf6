import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { configuration } from '../../socle/configuration'

/**
 * PROVISOIRE : remplacé à la fusion par le mécanisme de session unique écrit
 * par la session principale (jeton aléatoire, seule son empreinte SHA-256 en
 * base, expirations, révocation). Cette version n'enregistre RIEN : elle ne
 * sert qu'à compiler et à tester la connexion ProConnect avec la signature
 * convenue, `ouvrirSession(payload, { utilisateur, appareil?, adresse?, secondFacteur, methode })`.
 */
export type OuvertureSession = {
  utilisateur: number | string
  appareil?: string
  adresse?: string
  secondFacteur: boolean
  methode: 'mot-de-passe' | 'proconnect'
}

export const COOKIE_SESSION = 'passerelle_session'

export async function ouvrirSession(_payload: Payload, _ouverture: OuvertureSession): Promise<{ jeton: string; cookie: string }> {
  const jeton = randomBytes(20).toString('hex')
  const secure = configuration().cookiesSecurises ? '; Secure' : ''
  return { jeton, cookie: `${COOKIE_SESSION}=${jeton}; Path=/; HttpOnly; SameSite=Lax${secure}` }
}
