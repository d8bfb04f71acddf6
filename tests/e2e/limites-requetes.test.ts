import { request } from 'node:http'

import { describe, expect, inject, it } from 'vitest'

/**
 * Un envoi anonyme énorme est refusé sur les en-têtes, avant que Payload ou
 * Astro n'en lisent le corps ; le portail reste disponible.
 */
const url = inject('urlPortail')

/** Envoie `octets` octets par morceaux et rend le statut dès qu'il arrive (le serveur peut couper l'envoi). */
function envoyer(chemin: string, octets: number, typeDeContenu: string) {
  return new Promise<{ statut: number; corps: string }>((ok, ko) => {
    const req = request(`${url}${chemin}`, {
      method: 'POST',
      headers: { 'Content-Type': typeDeContenu, 'Content-Length': String(octets) },
    })
    req.on('response', (res) => {
      let corps = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (corps += d))
      res.on('end', () => ok({ statut: res.statusCode ?? 0, corps }))
      res.on('error', ko)
    })
    // Le serveur ferme la connexion après sa réponse : l'écriture du reste échoue, c'est attendu.
    req.on('error', () => undefined)
    const morceau = Buffer.alloc(1024 * 1024, 0x61)
    let restant = octets
    const ecrire = () => {
      while (restant > 0) {
        const n = Math.min(restant, morceau.length)
        restant -= n
        if (!req.write(morceau.subarray(0, n))) return req.once('drain', ecrire)
      }
      req.end()
    }
    ecrire()
  })
}

describe('plafond des requêtes', () => {
  it('un POST anonyme de 30 Mo sur /api/medias reçoit 413 vite, et /sante reste à 200', async () => {
    const reponse = await envoyer('/api/medias', 30 * 1024 * 1024, 'multipart/form-data; boundary=----x')
    expect(reponse.statut).toBe(413)
    expect(reponse.corps).toMatch(/trop volumineuse/)
    expect((await fetch(`${url}/sante`)).status).toBe(200)
  })

  it('le formulaire de signalement et la connexion ne lisent pas un corps de 5 Mo', async () => {
    for (const chemin of ['/annuaire/signaler', '/api/utilisateurs/login']) {
      const reponse = await envoyer(chemin, 5 * 1024 * 1024, 'application/x-www-form-urlencoded')
      expect(reponse.statut, chemin).toBe(413)
    }
    expect((await fetch(`${url}/sante`)).status).toBe(200)
  })
})
