import { configuration } from '../../socle/configuration'

/**
 * Le cookie de session : HttpOnly, SameSite=Lax, sans attribut Domain (propre
 * à l'hôte), Secure en production. En HTTPS il prend le préfixe « __Host- »,
 * que le navigateur n'accepte qu'avec Secure, Path=/ et sans Domain : un
 * sous-domaine ne peut pas le poser à notre place.
 */
export const nomCookieSession = () => (configuration().cookiesSecurises ? '__Host-passerelle-session' : 'passerelle-session')

function attributs(maxAgeSecondes: number): string {
  const secure = configuration().cookiesSecurises ? '; Secure' : ''
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSecondes}${secure}`
}

export const cookieSession = (jeton: string, maxAgeSecondes: number) => `${nomCookieSession()}=${jeton}; ${attributs(maxAgeSecondes)}`

export const cookieEffacement = () => `${nomCookieSession()}=; ${attributs(0)}`

/** Le jeton de session d'un en-tête Cookie, s'il y en a un. */
export function jetonDuCookie(entete: string | null | undefined): string | undefined {
  if (!entete) return undefined
  const nom = nomCookieSession()
  for (const morceau of entete.split(';')) {
    const egal = morceau.indexOf('=')
    if (egal > 0 && morceau.slice(0, egal).trim() === nom) return morceau.slice(egal + 1).trim() || undefined
  }
  return undefined
}
