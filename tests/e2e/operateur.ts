/**
 * Le compte opérateur des tests de bout en bout sur le portail partagé : le
 * premier fichier qui en a besoin le crée par l'API de premier accès
 * (admin.test.ts teste l'écran de premier accès sur son propre portail).
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
