import { describe, expect, it } from 'vitest'

import { BOM_UTF8, celluleCsv, cellulesJournal, documentCsv, ENTETES_JOURNAL, nomFichierJournal } from '../../domaine/journal/csv'

/** Relit un CSV à la manière d'un tableur (RFC 4180, séparateur « ; ») : ce qu'Excel verrait dans chaque cellule. */
function relire(csv: string): string[][] {
  const lignes: string[][] = []
  let ligne: string[] = []
  let cellule = ''
  let guillemets = false
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!
    if (guillemets) {
      if (c === '"' && csv[i + 1] === '"') (cellule += '"'), i++
      else if (c === '"') guillemets = false
      else cellule += c
    } else if (c === '"') guillemets = true
    else if (c === ';') ligne.push(cellule), (cellule = '')
    else if (c === '\r' && csv[i + 1] === '\n') ligne.push(cellule), lignes.push(ligne), (ligne = []), (cellule = ''), i++
    else cellule += c
  }
  return lignes
}

describe('écriture CSV', () => {
  it('échappe séparateur, guillemets et fins de ligne', () => {
    expect(celluleCsv('simple')).toBe('simple')
    expect(celluleCsv('a;b')).toBe('"a;b"')
    expect(celluleCsv('dit "bonjour"')).toBe('"dit ""bonjour"""')
    expect(celluleCsv('deux\nlignes')).toBe('"deux\nlignes"')
    expect(celluleCsv(null)).toBe('')
    expect(celluleCsv(undefined)).toBe('')
    expect(celluleCsv(42)).toBe('42')
  })

  it('neutralise les formules (= + - @, tabulation, retour chariot) par une apostrophe', () => {
    expect(celluleCsv('=HYPERLINK("http://exemple.invalid";"clic")')).toBe(`"'=HYPERLINK(""http://exemple.invalid"";""clic"")"`)
    expect(celluleCsv('+33 1 23')).toBe("'+33 1 23")
    expect(celluleCsv('-2+3')).toBe("'-2+3")
    expect(celluleCsv('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(celluleCsv('\t=1')).toBe("'\t=1")
    expect(celluleCsv('\r=1')).toBe(`"'\r=1"`)
    // Au milieu d'une cellule, ce n'est pas une formule.
    expect(celluleCsv('a=b')).toBe('a=b')
    // Un nombre que nous écrivons nous-mêmes reste un nombre.
    expect(celluleCsv(-3)).toBe('-3')
  })

  it('un document commence par le BOM UTF-8, finit chaque ligne par CRLF, et se relit à l’identique', () => {
    const csv = documentCsv(['Nom', 'Valeur'], [['accentué é', '=1+1'], ['x;y', 'dit "oui"\nnon']])
    expect(csv.startsWith(BOM_UTF8)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(relire(csv.slice(1))).toEqual([
      ['Nom', 'Valeur'],
      ['accentué é', "'=1+1"],
      ['x;y', 'dit "oui"\nnon'],
    ])
  })

  it('une ligne du journal : heure de Paris, horodatage UTC, libellé de l’action, cellules venues d’une requête neutralisées', () => {
    const cellules = cellulesJournal({ id: 9, createdAt: '2026-07-14T08:05:09.000Z', action: 'role-modifie', acteur: 3, cible: 'utilisateurs:4', adresse: '=cmd|x' })
    expect(cellules).toEqual([9, '2026-07-14 10:05:09', '2026-07-14T08:05:09.000Z', 'role-modifie', 'Rôle modifié', 3, 'utilisateurs:4', '=cmd|x'])
    const csv = documentCsv(ENTETES_JOURNAL, [cellules])
    expect(relire(csv.slice(1))[1]).toEqual(['9', '2026-07-14 10:05:09', '2026-07-14T08:05:09.000Z', 'role-modifie', 'Rôle modifié', '3', 'utilisateurs:4', "'=cmd|x"])
    expect(cellulesJournal({ id: 1, createdAt: '2026-12-03T23:30:00.000Z', action: 'connexion-refusee' })[5]).toBe('')
  })

  it('nomme le fichier du jour de Paris', () => {
    expect(nomFichierJournal(new Date('2026-12-31T23:30:00Z'))).toBe('journal-audit-2027-01-01.csv')
  })
})
