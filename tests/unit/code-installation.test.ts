import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { codeInstallationCorrespond, empreinteCodeInstallation, genererCodeInstallation } from '../../domaine/acces/code-installation'
import { consommerCodeInstallation, emettreCodeInstallation } from '../../socle/codeInstallation'

describe("code d'installation", () => {
  it('se lit et se recopie : trois groupes de quatre, sans lettre ambiguë', () => {
    const codes = new Set(Array.from({ length: 200 }, genererCodeInstallation))
    expect(codes.size).toBe(200)
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  })

  it('correspond à son empreinte, même tapé en minuscules, sans tirets, avec O pour 0 et l pour 1', () => {
    const empreinte = empreinteCodeInstallation('0A1B-2C3D-4E5F')
    expect(empreinte).not.toContain('0A1B')
    expect(codeInstallationCorrespond('0A1B-2C3D-4E5F', empreinte)).toBe(true)
    expect(codeInstallationCorrespond(' oalb 2c3d 4e5f ', empreinte)).toBe(true)
    expect(codeInstallationCorrespond('0A1B-2C3D-4E5G', empreinte)).toBe(false)
    expect(codeInstallationCorrespond(undefined, empreinte)).toBe(false)
    expect(codeInstallationCorrespond('', empreinte)).toBe(false)
  })

  it("deux empreintes d'un même code diffèrent (sel)", () => {
    expect(empreinteCodeInstallation('0A1B-2C3D-4E5F')).not.toBe(empreinteCodeInstallation('0A1B-2C3D-4E5F'))
  })

  it("n'est conservé dans le dossier des données que sous forme d'empreinte, et ne sert qu'une fois", () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-code-'))
    const code = emettreCodeInstallation(dossier)
    const stocke = readFileSync(path.join(dossier, 'code-installation.txt'), 'utf8')
    expect(stocke).not.toContain(code)
    expect(stocke).not.toContain(code.replace(/-/g, ''))
    expect(consommerCodeInstallation(dossier, 'AAAA-AAAA-AAAA')).toBe('incorrect')
    expect(consommerCodeInstallation(dossier, code)).toBe('accepte')
    expect(consommerCodeInstallation(dossier, code)).toBe('aucun')
    expect(existsSync(path.join(dossier, 'code-installation.txt'))).toBe(false)
  })

  it('un nouveau code remplace le précédent', () => {
    const dossier = mkdtempSync(path.join(os.tmpdir(), 'passerelle-code-'))
    const ancien = emettreCodeInstallation(dossier)
    const nouveau = emettreCodeInstallation(dossier)
    expect(consommerCodeInstallation(dossier, ancien)).toBe('incorrect')
    expect(consommerCodeInstallation(dossier, nouveau)).toBe('accepte')
  })
})
