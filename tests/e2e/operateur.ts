import { readFileSync } from 'node:fs'

import { fichierJournal } from './demarrerPortail'

/**
 * Le compte opérateur des tests de bout en bout sur le portail partagé : le
 * premier fichier qui en a besoin le crée par l'API de premier accès, avec le
 * code d'installation que le serveur a affiché dans sa console (admin.test.ts
 * teste l'écran de premier accès sur son propre portail).
 */
export const OPERATEUR = { email: 'operateur@example.org', motDePasse: 'Un-mot-de-passe-solide-2026' }

/** Le code d'installation tel que la console du portail l'affiche au démarrage (le journal est écrit juste après « prête »). */
export async function codeInstallationDuJournal(dossierDonnees: string): Promise<string> {
  for (let essai = 0; essai < 50; essai++) {
    const m = readFileSync(fichierJournal(dossierDonnees), 'utf8').match(/Code d'installation[^:]*: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)
    if (m) return m[1]!
    await new Promise((ok) => setTimeout(ok, 200))
  }
  throw new Error(`Aucun code d'installation dans ${fichierJournal(dossierDonnees)}`)
}

export async function jetonOperateur(url: string, dossierDonnees: string): Promise<string> {
  const connexion = () =>
    fetch(`${url}/api/utilisateurs/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OPERATEUR.email, password: OPERATEUR.motDePasse }),
    })
  let reponse = await connexion()
  if (reponse.status !== 200) {
    const codeInstallation = await codeInstallationDuJournal(dossierDonnees)
    const creation = await fetch(`${url}/api/utilisateurs/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: OPERATEUR.email, password: OPERATEUR.motDePasse, codeInstallation }),
    })
    if (creation.status !== 200) throw new Error(`Création de l'opérateur impossible (HTTP ${creation.status}) : ${await creation.text()}`)
    reponse = await connexion()
  }
  if (reponse.status !== 200) throw new Error(`Connexion de l'opérateur impossible (HTTP ${reponse.status})`)
  return ((await reponse.json()) as { token: string }).token
}
