import { request } from 'node:http'

import { describe, expect, inject, it } from 'vitest'

/**
 * Un envoi anonyme énorme est refusé sur les en-têtes, avant que Payload ou
 * Astro n'en lisent le corps ; le portail reste disponible.
 */
const url = inject('urlPortail')

/**
 * Annonce un corps de `octets` octets, n'en envoie que le premier mégaoctet, et
 * attend la réponse : elle doit arriver sans que le reste soit jamais envoyé.
 */
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
      res.on('end', () => {
        ok({ statut: res.statusCode ?? 0, corps })
        req.destroy()
      })
      res.on('error', ko)
    })
    req.on('error', ko)
    req.write(Buffer.alloc(Math.min(octets, 1024 * 1024), 0x61))
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
    for (const chemin of ['/annuaire/signaler', '/connexion']) {
      const reponse = await envoyer(chemin, 5 * 1024 * 1024, 'application/x-www-form-urlencoded')
      expect(reponse.statut, chemin).toBe(413)
    }
    expect((await fetch(`${url}/sante`)).status).toBe(200)
  })
})
