import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { empreinteDuCode, ENTREES_ADMIN, ENTREES_PORTAIL, fichiersAtteints } from '../../socle/publication/empreinte'
import { racine } from '../outils/payloadDeTest'

/**
 * L'empreinte qui décide de reconstruire l'admin et le portail suit les imports
 * depuis leurs points d'entrée : un changement dans un module que l'admin
 * importe (search/, domaine/…) la change ; un fichier que rien n'importe, non.
 * Le test travaille sur une copie du dépôt, pour ne jamais toucher au vrai code.
 */
let copie: string

beforeAll(() => {
  copie = mkdtempSync(path.join(os.tmpdir(), 'passerelle-empreinte-'))
  const filtre = (source: string) => !/[/\\](node_modules|\.next|dist|data|\.astro)([/\\]|$)/.test(source)
  for (const element of ['cms', 'site', 'search', 'domaine', 'socle', 'content', 'bench', 'package-lock.json', 'astro.config.mjs'])
    cpSync(path.join(racine, element), path.join(copie, element), { recursive: true, filter: filtre })
})
afterAll(() => rmSync(copie, { recursive: true, force: true }))

describe('empreinte du code de l’admin et du portail', () => {
  it('couvre ce que l’admin importe hors de cms/ : la recherche, le domaine, le socle, le contenu', () => {
    const fichiers = fichiersAtteints(copie, ENTREES_ADMIN)
    for (const attendu of ['search/port.ts', 'search/vocabulaire/vocabulaire.json', 'domaine/territoire/eligibilite.ts', 'socle/configuration.ts', 'content/codes/thematiques.json'])
      expect(fichiers).toContain(attendu)
    expect(fichiers.some((f) => f.startsWith('bench/') || f.startsWith('site/'))).toBe(false)
  })

  it('change quand un fichier de search/ change, pas quand un fichier que rien n’importe change', () => {
    const admin = empreinteDuCode(copie, ENTREES_ADMIN)
    const portail = empreinteDuCode(copie, ENTREES_PORTAIL)
    appendFileSync(path.join(copie, 'bench', 'endpoint.ts'), '\n// rien\n')
    expect(empreinteDuCode(copie, ENTREES_ADMIN)).toBe(admin)
    appendFileSync(path.join(copie, 'search', 'texte.ts'), '\n// changement\n')
    expect(empreinteDuCode(copie, ENTREES_ADMIN)).not.toBe(admin)
    expect(empreinteDuCode(copie, ENTREES_PORTAIL)).not.toBe(portail)
  })
})
