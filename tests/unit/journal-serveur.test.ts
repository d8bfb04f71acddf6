import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creerReglesProxy } from '../../serveur/proxy'
import { creerServeur } from '../../serveur/serveur'
import { cheminJournalisable, creerJournal, identifiantRequete } from '../../socle/journal'

/**
 * Journal JSON du serveur : une ligne par requête avec son identifiant (renvoyé
 * au client dans X-Request-Id), rien de personnel (ni IP, ni requête, ni jeton
 * du chemin, ni message d'erreur). Vrai serveur HTTP, vrai pino.
 */
const lignes: Record<string, unknown>[] = []
const brut: string[] = []
const destination = new Writable({
  write(morceau, _enc, fini) {
    for (const l of String(morceau).split('\n').filter(Boolean)) {
      brut.push(l)
      lignes.push(JSON.parse(l) as Record<string, unknown>)
    }
    fini()
  },
})

const COURRIEL = 'marie.durand@example.org'
const JETON = 'Zx81kQp0aLm3nB7vC2dE9fG4hJ6'

function serveurAvecProxys(proxys: string[]) {
  return creerServeur({
    dossierStatique: () => undefined,
    next: (_req, res) => void res.end('next'),
    astro: (req, res) => {
      if (req.url?.startsWith('/panne')) throw new TypeError(`lecture impossible pour ${COURRIEL}`)
      // Une page qui échoue parce que le client est parti pendant son calcul.
      if (req.url?.startsWith('/lente')) return new Promise((_ok, ko) => req.socket.once('close', () => ko(new Error('premature close'))))
      res.end(String(req.headers['x-request-id']))
    },
    sante: async () => ({ statut: 'ok' as const }),
    proxy: creerReglesProxy(proxys),
    journal: creerJournal(destination),
  })
}

const serveurs = [serveurAvecProxys([]), serveurAvecProxys(['127.0.0.1'])]
const urls: string[] = []
beforeAll(async () => {
  for (const s of serveurs) {
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))
    urls.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)
  }
})
afterAll(() => Promise.all(serveurs.map((s) => new Promise((ok) => s.close(ok)))))

const attendreLigne = async (requete: string) => {
  for (let i = 0; i < 50; i++) {
    const l = lignes.find((x) => x.requete === requete && x.msg === 'requête')
    if (l) return l
    await new Promise((ok) => setTimeout(ok, 20))
  }
  throw new Error(`pas de ligne pour ${requete}`)
}

describe('journal des requêtes', () => {
  it('une ligne JSON par requête, avec l’identifiant renvoyé au client et transmis à la page', async () => {
    const r = await fetch(`${urls[0]}/annuaire/resultats?q=${encodeURIComponent(COURRIEL)}`)
    const id = r.headers.get('x-request-id')!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await r.text()).toBe(id)
    const ligne = await attendreLigne(id)
    expect(ligne).toMatchObject({ niveau: 'info', service: 'passerelle', methode: 'GET', chemin: '/annuaire/resultats', statut: 200, termine: true })
    expect(typeof ligne.dureeMs).toBe('number')
    expect(Date.parse(String(ligne.time))).toBeGreaterThan(Date.now() - 60_000)
    const autre = (await fetch(`${urls[0]}/`)).headers.get('x-request-id')
    expect(autre).not.toBe(id)
  })

  it('l’identifiant du proxy de confiance est repris ; celui d’un client direct, jamais', async () => {
    const propose = 'nginx-5f2b8c1e9a7d4b3c'
    expect((await fetch(`${urls[1]}/`, { headers: { 'X-Request-Id': propose } })).headers.get('x-request-id')).toBe(propose)
    expect((await fetch(`${urls[0]}/`, { headers: { 'X-Request-Id': propose } })).headers.get('x-request-id')).not.toBe(propose)
    // Forme douteuse (injection dans le journal) : remplacé, même venant du proxy.
    expect((await fetch(`${urls[1]}/`, { headers: { 'X-Request-Id': 'a"}\\n{"faux":1' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('une erreur : son type et l’identifiant de la requête, jamais son message ni le jeton du chemin', async () => {
    const r = await fetch(`${urls[0]}/panne/${JETON}?courriel=${COURRIEL}`)
    expect(r.status).toBe(500)
    const id = r.headers.get('x-request-id')!
    await attendreLigne(id)
    const erreur = lignes.find((l) => l.requete === id && l.niveau === 'error')
    expect(erreur).toMatchObject({ msg: 'Erreur serveur', erreur: 'TypeError', chemin: '/panne/:valeur', methode: 'GET' })
    const tout = brut.join('\n')
    for (const fuite of [COURRIEL, 'marie', JETON, '127.0.0.1', 'lecture impossible']) expect(tout).not.toContain(fuite)
  })
})

describe('client parti avant la réponse', () => {
  it('une ligne d’information, pas une « Erreur serveur »', async () => {
    const abandon = new AbortController()
    const envoi = fetch(`${urls[0]}/lente`, { signal: abandon.signal }).catch(() => undefined)
    await new Promise((ok) => setTimeout(ok, 100))
    abandon.abort()
    await envoi
    let ligne: Record<string, unknown> | undefined
    for (let i = 0; i < 50 && !ligne; i++) {
      ligne = lignes.find((l) => l.chemin === '/lente' && l.msg === 'Requête abandonnée par le client')
      await new Promise((ok) => setTimeout(ok, 20))
    }
    expect(ligne).toMatchObject({ niveau: 'info', methode: 'GET', erreur: 'Error' })
    expect(lignes.filter((l) => l.chemin === '/lente' && l.niveau === 'error')).toEqual([])
  })
})

describe('chemin journalisable et identifiant', () => {
  it('garde les slugs et numéros, masque jetons, textes encodés, courriels et la requête', () => {
    expect(cheminJournalisable('/annuaire/secteur/bresse-dombes/?q=violences')).toBe('/annuaire/secteur/bresse-dombes/')
    expect(cheminJournalisable('/espace/saisines/42')).toBe('/espace/saisines/42')
    expect(cheminJournalisable('/_astro/Base.Bx8aK2.css')).toBe('/_astro/Base.Bx8aK2.css')
    expect(cheminJournalisable('/plaquettes/poste/secteur-bresse-dombes.pdf')).toBe('/plaquettes/poste/secteur-bresse-dombes.pdf')
    expect(cheminJournalisable('/Annuaire/Marie-Durand')).toBe('/:valeur/:valeur')
    expect(cheminJournalisable('/x/Marie-Durand.pdf')).toBe('/x/:valeur')
    expect(cheminJournalisable('/api/structures/12')).toBe('/api/structures/12')
    expect(cheminJournalisable('/api/medias/file/marie-durand.pdf')).toBe('/api/medias/:valeur/:valeur')
    expect(cheminJournalisable(`/invitation/${JETON.toLowerCase()}`)).toBe('/invitation/:valeur')
    expect(cheminJournalisable(`/x/${encodeURIComponent('Marie Durand')}`)).toBe('/x/:valeur')
    expect(cheminJournalisable(`/x/${COURRIEL}`)).toBe('/x/:valeur')
    expect(cheminJournalisable('/')).toBe('/')
  })

  it('identifiant neuf sans en-tête ou hors proxy de confiance', () => {
    const neuf = () => 'neuf'
    expect(identifiantRequete(undefined, true, neuf)).toBe('neuf')
    expect(identifiantRequete('abcdefgh-1234', false, neuf)).toBe('neuf')
    expect(identifiantRequete(['abcdefgh-1234', 'x'], true, neuf)).toBe('abcdefgh-1234')
    expect(identifiantRequete('court', true, neuf)).toBe('neuf')
  })
})
