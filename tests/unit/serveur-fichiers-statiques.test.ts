import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { precompresser } from '../../site/construction/precompression'
import { envoyerFichier, resoudreFichier } from '../../serveur/fichiersStatiques'
import { cheminDePage, POLITIQUE_ADMIN, POLITIQUE_PAGE_SANS_EMPREINTES, POLITIQUE_PAR_DEFAUT, politiqueDePage } from '../../serveur/politiqueDeSecurite'
import { creerReglesProxy } from '../../serveur/proxy'
import { creerServeur } from '../../serveur/serveur'

/**
 * Le serveur unique sur une vraie construction écrite sur disque, interrogé en
 * HTTP. Next et Astro sont remplacés par des gestionnaires qui disent qu'ils
 * ont été appelés : c'est l'aiguillage et le service des fichiers qui sont
 * vérifiés ici (le portail complet l'est dans tests/e2e).
 */
const PAGE = `<!doctype html><html lang="fr"><head><title>Accueil</title></head><body>${'<p>Orienter une personne en détresse.</p>'.repeat(80)}</body></html>`
const CSP_ACCUEIL = "default-src 'self'; script-src 'self' 'sha256-abc'; frame-ancestors 'self'"
const CSP_404 = "default-src 'self'; script-src 'self' 'sha256-404'; frame-ancestors 'self'"

let racine: string
let client: string
let serveur: Server
let url: string

type Reponse = { statut: number; entetes: Record<string, string | string[] | undefined>; corps: Buffer }
const demander = (chemin: string, { methode = 'GET', entetes = {} }: { methode?: string; entetes?: Record<string, string> } = {}) =>
  new Promise<Reponse>((ok, ko) => {
    const req = request(`${url}${chemin}`, { method: methode, headers: entetes }, (res) => {
      const morceaux: Buffer[] = []
      res.on('data', (d: Buffer) => morceaux.push(d))
      res.on('end', () => ok({ statut: res.statusCode!, entetes: res.headers, corps: Buffer.concat(morceaux) }))
    })
    req.on('error', ko)
    req.end()
  })

const ecouter = (s: Server) => new Promise<string>((ok) => s.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)))

beforeAll(async () => {
  racine = mkdtempSync(path.join(os.tmpdir(), 'passerelle-statiques-'))
  const construction = path.join(racine, 'construction')
  client = path.join(construction, 'client')
  mkdirSync(path.join(client, '_astro'), { recursive: true })
  mkdirSync(path.join(client, 'annuaire', 's-ccas'), { recursive: true })
  mkdirSync(path.join(client, '.cache'), { recursive: true })
  writeFileSync(path.join(client, 'index.html'), PAGE)
  writeFileSync(path.join(client, '404.html'), '<!doctype html><title>Page introuvable</title>')
  writeFileSync(path.join(client, 'annuaire', 's-ccas', 'index.html'), PAGE)
  writeFileSync(path.join(client, '_astro', 'Base.abc123.css'), '.fr-btn{color:blue}'.repeat(200))
  writeFileSync(path.join(client, 'favicon.ico'), Buffer.alloc(64, 1))
  writeFileSync(path.join(client, '.env'), 'PAYLOAD_SECRET=ne-doit-jamais-sortir')
  writeFileSync(path.join(client, '.cache', 'etat.json'), '{}')
  writeFileSync(path.join(racine, 'hors-construction.txt'), 'secret hors de la construction')
  symlinkSync(path.join(racine, 'hors-construction.txt'), path.join(client, 'fuite.txt'))
  symlinkSync(path.join(client, 'index.html'), path.join(client, 'raccourci.html'))
  writeFileSync(
    path.join(construction, '_headers.json'),
    JSON.stringify([
      { pathname: '/', headers: [{ key: 'Content-Security-Policy', value: CSP_ACCUEIL }] },
      { pathname: '/404', headers: [{ key: 'Content-Security-Policy', value: CSP_404 }] },
    ]),
  )
  await precompresser(client)
  serveur = creerServeur({
    dossierStatique: () => client,
    next: (_req, res) => {
      res.end('next')
    },
    astro: (_req, _res, suite) => suite(),
    sante: async () => ({ statut: 'ok' as const }),
    proxy: creerReglesProxy(['127.0.0.1']),
  })
  url = await ecouter(serveur)
})

afterAll(async () => {
  await new Promise((ok) => serveur?.close(ok))
  rmSync(racine, { recursive: true, force: true })
})

describe('fichiers précompressés', () => {
  it('envoie la version brotli quand le navigateur l’accepte, avec Vary et la taille compressée', async () => {
    const r = await demander('/', { entetes: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } })
    expect(r.statut).toBe(200)
    expect(r.entetes['content-encoding']).toBe('br')
    expect(r.entetes.vary).toBe('Accept-Encoding')
    expect(Number(r.entetes['content-length'])).toBe(r.corps.length)
    expect(r.corps.length).toBeLessThan(Buffer.byteLength(PAGE) / 5)
    expect(brotliDecompressSync(r.corps).toString()).toBe(PAGE)
  })

  it('envoie gzip à qui n’accepte pas brotli, et l’original à qui n’accepte rien', async () => {
    const gz = await demander('/', { entetes: { 'Accept-Encoding': 'br;q=0, gzip' } })
    expect(gz.entetes['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.corps).toString()).toBe(PAGE)
    const brut = await demander('/')
    expect(brut.entetes['content-encoding']).toBeUndefined()
    expect(brut.entetes.vary).toBe('Accept-Encoding')
    expect(brut.corps.toString()).toBe(PAGE)
  })

  it('répond à HEAD avec les mêmes en-têtes et sans corps', async () => {
    const r = await demander('/', { methode: 'HEAD', entetes: { 'Accept-Encoding': 'br' } })
    expect(r.statut).toBe(200)
    expect(r.entetes['content-encoding']).toBe('br')
    expect(Number(r.entetes['content-length'])).toBeGreaterThan(0)
    expect(r.corps.length).toBe(0)
  })

  it('garde le cache immuable des ressources à empreinte, et fait revalider les pages', async () => {
    const css = await demander('/_astro/Base.abc123.css', { entetes: { 'Accept-Encoding': 'br' } })
    expect(css.entetes['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(css.entetes['content-encoding']).toBe('br')
    expect(css.entetes['content-type']).toBe('text/css; charset=utf-8')
    expect((await demander('/annuaire/s-ccas/')).entetes['cache-control']).toBe('no-cache')
  })

  it('ne sert jamais une version compressée demandée directement', async () => {
    expect((await demander('/index.html.br')).statut).toBe(404)
    expect((await demander('/_astro/Base.abc123.css.gz')).statut).toBe(404)
  })
})

describe('fichiers refusés', () => {
  it('ne sert ni fichier ni dossier caché', async () => {
    for (const chemin of ['/.env', '/%2eenv', '/.cache/etat.json', '/annuaire/../.env']) {
      const r = await demander(chemin)
      expect(r.statut, chemin).toBe(404)
      expect(r.corps.toString(), chemin).not.toContain('ne-doit-jamais-sortir')
    }
  })

  it('ne suit pas un lien symbolique qui sort de la construction, mais suit celui qui y reste', async () => {
    const fuite = await demander('/fuite.txt')
    expect(fuite.statut).toBe(404)
    expect(fuite.corps.toString()).not.toContain('secret hors de la construction')
    expect((await demander('/raccourci.html')).statut).toBe(200)
  })

  it('répond 405 à une méthode autre que GET ou HEAD sur un fichier statique', async () => {
    for (const methode of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const r = await demander('/annuaire/s-ccas/', { methode })
      expect(r.statut, methode).toBe(405)
      expect(r.entetes.allow).toBe('GET, HEAD')
    }
  })
})

describe('un fichier qui disparaît', () => {
  it('pendant la requête ne fait pas tomber le processus : 404, puis le serveur répond toujours', async () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-disparu-'))
    const fichier = path.join(dossier, 'page.html')
    writeFileSync(fichier, PAGE)
    const resolu = (await resoudreFichier(dossier, '/page.html'))!
    expect(resolu).toBeDefined()
    // La publication suivante a nettoyé l'ancienne construction et un dossier a pris la place du fichier.
    rmSync(fichier)
    mkdirSync(fichier)
    const local = createServer(async (req, res) => {
      if (!(await envoyerFichier(req, res, resolu))) {
        res.statusCode = 404
        res.end('disparu')
      }
    })
    const base = await ecouter(local)
    const premier = await fetch(`${base}/page.html`)
    expect(premier.status).toBe(404)
    rmSync(fichier, { recursive: true })
    expect((await fetch(`${base}/page.html`)).status).toBe(404)
    local.closeAllConnections()
    await new Promise((ok) => local.close(ok))
    rmSync(dossier, { recursive: true, force: true })
    expect((await demander('/')).statut).toBe(200)
  })

  it('après son ouverture est envoyé jusqu’au bout', async () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-gros-'))
    const contenu = Buffer.alloc(8 * 1024 * 1024, 'a')
    writeFileSync(path.join(dossier, 'gros.pdf'), contenu)
    const resolu = (await resoudreFichier(dossier, '/gros.pdf'))!
    const local = createServer(async (req, res) => {
      res.on('pipe', () => rmSync(dossier, { recursive: true, force: true }))
      await envoyerFichier(req, res, resolu)
    })
    const base = await ecouter(local)
    const recu = Buffer.from(await (await fetch(`${base}/gros.pdf`)).arrayBuffer())
    expect(recu.length).toBe(contenu.length)
    expect(existsSync(dossier), 'le dossier a bien été supprimé pendant l’envoi').toBe(false)
    local.closeAllConnections()
    await new Promise((ok) => local.close(ok))
  })
})

describe('en-têtes de sécurité', () => {
  it('chaque page statique porte la politique calculée par Astro pour elle', async () => {
    const r = await demander('/')
    expect(r.entetes['content-security-policy']).toBe(CSP_ACCUEIL)
    // Page absente du fichier d'en-têtes : même mise en page, même politique que les autres.
    expect((await demander('/annuaire/s-ccas/')).entetes['content-security-policy']).toBe(CSP_ACCUEIL)
  })

  it('la page 404 porte sa politique, toute autre réponse la politique restrictive', async () => {
    const introuvable = await demander('/nulle-part')
    expect(introuvable.statut).toBe(404)
    expect(introuvable.entetes['content-security-policy']).toBe(CSP_404)
    for (const chemin of ['/_astro/Base.abc123.css', '/favicon.ico', '/sante', '/.env']) {
      const r = await demander(chemin)
      expect(r.entetes['content-security-policy'], chemin).toBe(chemin === '/.env' ? CSP_404 : POLITIQUE_PAR_DEFAUT)
    }
  })

  it('une construction sans politiques écrites garde une politique stricte sur ses pages', () => {
    const sansEntetes = mkdtempSync(path.join(os.tmpdir(), 'passerelle-sans-entetes-'))
    mkdirSync(path.join(sansEntetes, 'client'))
    expect(politiqueDePage(path.join(sansEntetes, 'client'), 'index.html')).toBe(POLITIQUE_PAGE_SANS_EMPREINTES)
    expect(POLITIQUE_PAGE_SANS_EMPREINTES).toContain("script-src 'self'")
    expect(POLITIQUE_PAGE_SANS_EMPREINTES).not.toContain('unsafe-inline')
    rmSync(sansEntetes, { recursive: true, force: true })
    expect(['index.html', '404.html', 'annuaire/s-ccas/index.html', 'annuaire/index.html'].map(cheminDePage)).toEqual(['/', '/404', '/annuaire/s-ccas', '/annuaire'])
  })

  it('l’admin a sa propre politique, qui interdit au moins son incrustation par un autre site', async () => {
    const r = await demander('/admin')
    expect(r.corps.toString()).toBe('next')
    expect(r.entetes['content-security-policy']).toBe(POLITIQUE_ADMIN)
    expect(POLITIQUE_ADMIN).toContain("frame-ancestors 'self'")
  })

  it('le favicon est servi par le portail, pas par Next', async () => {
    const r = await demander('/favicon.ico')
    expect(r.statut).toBe(200)
    expect(r.entetes['content-type']).toBe('image/x-icon')
  })

  it('HSTS seulement quand l’adresse publique est en https', async () => {
    expect((await demander('/')).entetes['strict-transport-security']).toBeUndefined()
    const securise = creerServeur({
      dossierStatique: () => client,
      next: (_req, res) => {
        res.end('next')
      },
      astro: (_req, _res, suite) => suite(),
      sante: async () => ({ statut: 'ok' as const }),
    proxy: creerReglesProxy(['127.0.0.1']),
      https: true,
    })
    const base = await ecouter(securise)
    for (const chemin of ['/', '/admin', '/nulle-part']) {
      expect((await fetch(`${base}${chemin}`)).headers.get('strict-transport-security'), chemin).toBe('max-age=31536000')
    }
    securise.closeAllConnections()
    await new Promise((ok) => securise.close(ok))
  })
})

describe('résolution gardée en mémoire pour le dossier en service', () => {
  it('une construction publiée ne change plus : la réponse vaut pour ce dossier, pas pour le suivant', async () => {
    const { resolveurMemorise } = await import('../../serveur/fichiersStatiques')
    const premier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-resolution-'))
    const second = mkdtempSync(path.join(os.tmpdir(), 'passerelle-resolution-'))
    try {
      writeFileSync(path.join(premier, 'a.html'), 'A')
      const resoudre = resolveurMemorise(3)
      expect((await resoudre(premier, '/a.html?x=1'))?.relatif).toBe('a.html')
      expect(await resoudre(premier, '/b.html')).toBeUndefined()
      // Écrit après coup dans le même dossier : la réponse gardée ne le voit pas (une construction ne change plus).
      writeFileSync(path.join(premier, 'b.html'), 'B')
      expect(await resoudre(premier, '/b.html')).toBeUndefined()
      // Un autre dossier (nouvelle publication) : tout est relu.
      writeFileSync(path.join(second, 'b.html'), 'B')
      expect(await resoudre(second, '/a.html')).toBeUndefined()
      expect((await resoudre(second, '/b.html'))?.relatif).toBe('b.html')
      // Table pleine (plafond 3) : elle repart de zéro, et relit ce qui a changé.
      await resoudre(second, '/c.html')
      writeFileSync(path.join(second, 'a.html'), 'A')
      expect((await resoudre(second, '/a.html'))?.relatif).toBe('a.html')
    } finally {
      rmSync(premier, { recursive: true, force: true })
      rmSync(second, { recursive: true, force: true })
    }
  })
})
