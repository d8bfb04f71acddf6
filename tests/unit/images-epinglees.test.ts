import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * Chaque image de la production est épinglée à une version exacte : un
 * `docker compose pull` ou une reconstruction ne change jamais de moteur de
 * base, de recherche, de Node ou de syntaxe Dockerfile sans un commit qui le
 * dit (README, « Mise à jour des dépendances »). Étiquette flottante (« 17 »,
 * « 24-slim », « v1.16 »), « latest » ou absence d'étiquette : refusées.
 */

const racine = path.resolve(import.meta.dirname, '..', '..')
const lire = (fichier: string) => readFileSync(path.join(racine, fichier), 'utf8')

/**
 * Une référence d'image porte-t-elle une version exacte ? Un condensat (@sha256:…)
 * l'est toujours ; sinon l'étiquette commence par x.y.z (suffixe de variante
 * permis : -bookworm-slim). PostgreSQL numérote ses versions x.y depuis la 10 :
 * pour l'image officielle `postgres`, x.y est la version exacte.
 */
function versionExacte(reference: string): boolean {
  if (/@sha256:[0-9a-f]{64}$/.test(reference)) return true
  const m = reference.match(/^(?:[^/]+\/)*([^/:@]+):([^:/@]+)$/)
  if (!m) return false
  const [, nom, etiquette] = m
  const version = etiquette!.split('-')[0]!
  if (nom === 'postgres') return /^\d+\.\d+$/.test(version)
  return /^v?\d+\.\d+\.\d+$/.test(version)
}

type Compose = { services: Record<string, { image?: string }> }

/** Images d'un Dockerfile : la syntaxe (# syntax=…) et chaque FROM qui ne reprend pas une étape précédente. */
function imagesDuDockerfile(texte: string): string[] {
  const images: string[] = []
  const syntaxe = texte.match(/^#\s*syntax\s*=\s*(\S+)/m)?.[1]
  if (syntaxe) images.push(syntaxe)
  const etapes = new Set<string>()
  for (const [, image, etape] of texte.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?\s*$/gim)) {
    if (!etapes.has(image!.toLowerCase())) images.push(image!)
    if (etape) etapes.add(etape.toLowerCase())
  }
  return images
}

const compose = parse(lire('docker-compose.yml')) as Compose
const dockerfile = lire('Dockerfile')

describe('versionExacte', () => {
  it.each([
    ['postgres:17.6-bookworm', true],
    ['postgres:17', false],
    ['postgres:latest', false],
    ['getmeili/meilisearch:v1.16.0', true],
    ['getmeili/meilisearch:v1.16', false],
    ['node:24.21.0-bookworm-slim', true],
    ['node:24-bookworm-slim', false],
    ['node', false],
    ['docker/dockerfile:1', false],
    ['docker/dockerfile:1.17.1', true],
    ['registre.example.org:5000/equipe/outil:2.3.4', true],
    ['registre.example.org:5000/equipe/outil', false],
    [`node@sha256:${'a'.repeat(64)}`, true],
  ])('%s → %s', (reference, attendu) => expect(versionExacte(reference)).toBe(attendu))
})

describe('images de production', () => {
  const images = [
    ...Object.entries(compose.services)
      .filter(([, s]) => s.image)
      .map(([nom, s]) => [`docker-compose.yml, service ${nom}`, s.image!] as const),
    ...imagesDuDockerfile(dockerfile).map((image) => ['Dockerfile', image] as const),
  ]

  it('trouve les images de docker-compose.yml et du Dockerfile', () => {
    expect(images.map(([, i]) => i.split(':')[0])).toEqual(expect.arrayContaining(['postgres', 'getmeili/meilisearch', 'node', 'docker/dockerfile']))
  })

  it('épingle chacune à une version exacte', () => {
    const flottantes = images.filter(([, image]) => !versionExacte(image)).map(([ou, image]) => `${ou} : ${image}`)
    expect(flottantes, 'images sans version exacte').toEqual([])
  })

  it('construit sur le Node épinglé par package.json (dépendance « node »)', () => {
    const node = (JSON.parse(lire('package.json')) as { dependencies: Record<string, string> }).dependencies.node
    const base = imagesDuDockerfile(dockerfile).find((i) => i.startsWith('node:'))
    expect(base?.match(/^node:([^-]+)/)?.[1]).toBe(node)
  })

  it('installe le client PostgreSQL de la version majeure du serveur (pg_dump refuse un serveur plus récent)', () => {
    const majeure = compose.services.postgres?.image?.match(/^postgres:(\d+)\./)?.[1]
    expect(majeure).toBeDefined()
    expect(dockerfile).toContain(`postgresql-client-${majeure}`)
  })
})
