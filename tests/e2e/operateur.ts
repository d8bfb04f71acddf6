/**
 * Le compte opérateur des tests de bout en bout. admin.test.ts le crée par
 * l'écran de premier accès (les fichiers passent dans l'ordre alphabétique,
 * voir vitest.config.ts) ; un fichier lancé seul le crée par l'API.
 */
export const OPERATEUR = { email: 'operateur@example.org', motDePasse: 'Un-mot-de-passe-solide-2026' }

export async function jetonOperateur(url: string): Promise<string> {
  const connexion = () =>
    fetch(`${url}/api/utilisateurs/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OPERATEUR.email, password: OPERATEUR.motDePasse }),
    })
  let reponse = await connexion()
  if (reponse.status !== 200) {
    await fetch(`${url}/api/utilisateurs/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OPERATEUR.email, password: OPERATEUR.motDePasse }),
    })
    reponse = await connexion()
  }
  if (reponse.status !== 200) throw new Error(`Connexion de l'opérateur impossible (HTTP ${reponse.status})`)
  return ((await reponse.json()) as { token: string }).token
}
