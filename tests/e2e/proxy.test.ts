import { request } from 'node:http'

import { beforeAll, describe, expect, inject, it } from 'vitest'

/**
 * Le portail derrière un proxy inverse TLS (par défaut, 127.0.0.1 est le proxy
 * de confiance : ce test joue son rôle). Un formulaire envoyé en https à travers
 * lui est accepté ; la limite des signalements compte par poste réel.
 */
const url = inject('urlPortail')
const hote = new URL(url).host

type Reponse = { statut: number; corps: string }
function poster(corps: string, entetes: Record<string, string>, depuis?: string) {
  return new Promise<Reponse>((ok, ko) => {
    const req = request(`${url}/annuaire/signaler`, {
      method: 'POST',
      localAddress: depuis,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(corps)), ...entetes },
    })
    req.on('response', (res) => {
      let texte = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (texte += d))
      res.on('end', () => ok({ statut: res.statusCode ?? 0, corps: texte }))
    })
    req.on('error', ko)
    req.end(corps)
  })
}

let structure = ''
beforeAll(async () => {
  const page = await (await fetch(`${url}/annuaire`)).text()
  structure = page.match(/href="\/annuaire\/([A-Za-z0-9_-]+)\/?"/)?.[1] ?? ''
  expect(structure, 'une fiche de l’annuaire').not.toBe('')
})

// Le champ piège rempli : l'envoi est accepté (303) sans rien écrire dans la base.
const valide = () => `structure=${structure}&motif=coordonnees&message=${encodeURIComponent('Le numéro de l’accueil ne répond plus depuis lundi.')}&site_web=robot`
const incomplet = () => `structure=${structure}&motif=&message=court`
const viaProxy = (client: string, origine = `https://${hote}`) => ({ Origin: origine, 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': client })

describe('derrière le proxy TLS de confiance', () => {
  it('accepte un formulaire envoyé avec une origine https, refuse une origine étrangère', async () => {
    expect((await poster(valide(), viaProxy('198.51.100.1'))).statut).toBe(303)
    const etrangere = await poster(valide(), viaProxy('198.51.100.1', 'https://malveillant.example'))
    expect(etrangere.statut).toBe(403)
  })

  it('ne croit pas X-Forwarded-Proto venant d’un client qui n’est pas un proxy de confiance', async () => {
    const reponse = await poster(valide(), viaProxy('198.51.100.1', `https://${hote}`), '127.0.0.2')
    expect(reponse.statut).toBe(403)
  })

  it('limite les signalements par poste réel, ne compte que les envois acceptés, et répond 429 en français', async () => {
    const poste = '198.51.100.20'
    for (let i = 0; i < 5; i++) expect((await poster(incomplet(), viaProxy(poste))).statut).toBe(400)
    for (let i = 0; i < 10; i++) expect((await poster(valide(), viaProxy(poste))).statut, `envoi ${i + 1}`).toBe(303)
    const refuse = await poster(valide(), viaProxy(poste))
    expect(refuse.statut).toBe(429)
    expect(refuse.corps).toContain('<html lang="fr"')
    expect(refuse.corps).toContain('Trop de signalements envoyés depuis ce poste')
    // Un autre poste derrière le même proxy n'est pas concerné.
    expect((await poster(valide(), viaProxy('198.51.100.21'))).statut).toBe(303)
    // Un client direct ne peut pas se faire passer pour un autre poste (ni vider le crédit d'un collègue).
    const direct = await poster(valide(), { Origin: url, 'X-Forwarded-For': poste }, '127.0.0.2')
    expect(direct.statut).toBe(303)
  })
})
