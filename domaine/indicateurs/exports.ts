import ExcelJS from 'exceljs'

import { documentCsv, type CelluleCsv } from '../journal/csv'
import { DEFINITIONS, INDICATEURS, REGLES_COMMUNES } from './regles'
import { type Cellule, noteSecret, type Rapport } from './rapport'

/**
 * Exports du rapport d'une période (rapport.ts) : XLSX et CSV. Aucune donnée
 * personnelle : des effectifs par catégorie. Dans la vue du financeur, une
 * case masquée n'existe que par son affichage (« < 5 », « secret ») : la
 * cellule porte ce texte, jamais le nombre.
 */

export const ENTETES_CSV = ['Indicateur', 'Tableau', 'Ligne', 'Période', 'Période précédente', 'Même période l’an passé'] as const

/** Valeur d'une cellule : le nombre s'il est communiqué, sinon son affichage. */
const valeurDe = (c: Cellule): number | string => (c.valeur === null ? c.affichage : c.valeur)

/** Nom de fichier sans accent ni espace : « indicateurs-4e-trimestre-2026 ». */
export const nomFichierRapport = (r: Rapport, extension: string) =>
  `indicateurs-${r.libelle
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}${r.vue === 'secret-statistique' ? '-financeur' : ''}.${extension}`

export function rapportCsv(r: Rapport): string {
  const lignes: CelluleCsv[][] = []
  for (const s of r.sections)
    for (const t of s.tableaux)
      for (const l of t.total ? [...t.lignes, t.total] : t.lignes) lignes.push([s.titre, t.titre, l.libelle, valeurDe(l.periode), valeurDe(l.precedente), valeurDe(l.anPasse)])
  return documentCsv(
    ENTETES_CSV.map((e, k) => (k === 3 ? `${e} (${r.libelle})` : k === 4 ? `${e} (${r.libellePrecedente})` : k === 5 ? `${e} (${r.libelleAnPasse})` : e)),
    lignes,
  )
}

/** Nom de feuille : 31 caractères au plus, sans : \ / ? * [ ] (règles d'Excel). */
const nomFeuille = (t: string) => t.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim()

export async function rapportXlsx(r: Rapport, maintenant: Date = new Date()): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook()
  classeur.creator = 'Passerelle'
  classeur.created = maintenant
  classeur.title = `Indicateurs d’activité — ${r.libelle}`

  const periode = classeur.addWorksheet('Période')
  periode.columns = [{ width: 34 }, { width: 90 }]
  const infos: [string, string][] = [
    ['Rapport', 'Indicateurs d’activité des intervenants sociaux en commissariat et gendarmerie'],
    ['Période', r.libelle],
    ['Du', r.bornes.du],
    ['Au', r.bornes.au],
    ['Périmètre', r.perimetre],
    ['Comparée à', `${r.libellePrecedente} ; ${r.libelleAnPasse}`],
  ]
  if (r.seuil !== null) infos.push(['Secret statistique', noteSecret(r.seuil)])
  for (const l of infos) periode.addRow(l)
  periode.getColumn(1).font = { bold: true }

  for (const s of r.sections) {
    const ws = classeur.addWorksheet(nomFeuille(s.titre))
    ws.columns = [{ width: 48 }, { width: 18 }, { width: 22 }, { width: 26 }]
    ws.addRow([s.titre]).font = { bold: true, size: 13 }
    for (const t of s.tableaux) {
      ws.addRow([])
      ws.addRow([t.titre]).font = { bold: true }
      ws.addRow(['', r.libelle, r.libellePrecedente, r.libelleAnPasse]).font = { bold: true }
      for (const l of t.lignes) ws.addRow([l.libelle, valeurDe(l.periode), valeurDe(l.precedente), valeurDe(l.anPasse)])
      if (t.total) ws.addRow([t.total.libelle, valeurDe(t.total.periode), valeurDe(t.total.precedente), valeurDe(t.total.anPasse)]).font = { bold: true }
    }
  }

  const definitions = classeur.addWorksheet('Définitions')
  definitions.columns = [{ width: 48 }, { width: 120 }]
  definitions.addRow(['Indicateur', 'Règle de comptage']).font = { bold: true }
  definitions.addRow(['Règles communes', REGLES_COMMUNES])
  for (const [cle, titre] of Object.entries(INDICATEURS)) definitions.addRow([titre, DEFINITIONS[cle as keyof typeof DEFINITIONS]])
  if (r.seuil !== null) definitions.addRow(['Secret statistique', noteSecret(r.seuil)])
  definitions.getColumn(2).alignment = { wrapText: true, vertical: 'top' }

  return Buffer.from(await classeur.xlsx.writeBuffer())
}
