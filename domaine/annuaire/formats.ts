import ExcelJS from 'exceljs'

import type { FichierDataInclusion, ServiceDataInclusion, StructureDataInclusion } from '../../content/schemas/data-inclusion'
import { CHAMPS_LISTES, CHAMPS_NOMBRES, CHAMPS_SERVICE, CHAMPS_STRUCTURE } from './champs'

/**
 * Écriture de l'annuaire exporté :
 * - JSON data·inclusion v1 (le fichier se réimporte tel quel) ;
 * - CSV pour tableur : une ligne par service, précédée des colonnes de sa
 *   structure (une structure sans service a une ligne aux colonnes de service
 *   vides), séparateur « ; », BOM UTF-8 pour qu'Excel reconnaisse l'encodage,
 *   listes jointes par « | », fins de ligne CRLF ;
 * - XLSX (exceljs) : feuilles « Structures » et « Services », en-tête en gras
 *   et figé, filtre automatique, largeurs de colonnes, codes en texte (le zéro
 *   de « 01053 » est conservé, ce qu'un CSV ouvert dans Excel ne garantit pas).
 * Les en-têtes sont les noms de champs data·inclusion.
 */

export const SEPARATEUR_LISTE = '|'

export const versJson = (donnees: FichierDataInclusion) => `${JSON.stringify(donnees, null, 2)}\n`

type Ligne = Record<string, unknown>

/** Valeur d'une cellule : listes jointes par « | », absent → vide. */
function valeurCellule(champ: string, v: unknown): string | number | undefined {
  if (v === undefined || v === null) return undefined
  if (CHAMPS_LISTES.has(champ) && Array.isArray(v)) return v.join(SEPARATEUR_LISTE)
  if (CHAMPS_NOMBRES.has(champ) && typeof v === 'number') return v
  return String(v)
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** Colonnes du CSV : celles de la structure (préfixe structure_), puis celles du service (préfixe service_). */
export const COLONNES_CSV = [
  ...CHAMPS_STRUCTURE.map((c) => ({ source: 'structure' as const, champ: c as string, titre: c === 'id' ? 'structure_id' : `structure_${c}` })),
  ...CHAMPS_SERVICE.filter((c) => c !== 'structure_id').map((c) => ({ source: 'service' as const, champ: c as string, titre: `service_${c}` })),
]

/**
 * Texte d'une cellule CSV. Une valeur qui commence par = + - @ (ou une
 * tabulation) serait exécutée comme formule par un tableur : on la préfixe
 * d'une apostrophe (recommandation OWASP « CSV injection »). Les nombres ne
 * sont pas concernés.
 */
function celluleCsv(v: string | number | undefined): string {
  if (v === undefined) return ''
  if (typeof v === 'number') return String(v)
  const texte = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[;"\r\n]|^\s|\s$/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte
}

export function versCsv(donnees: FichierDataInclusion): string {
  const parStructure = new Map<string, ServiceDataInclusion[]>()
  for (const sv of donnees.services) parStructure.set(sv.structure_id, [...(parStructure.get(sv.structure_id) ?? []), sv])
  const lignes: string[] = [COLONNES_CSV.map((c) => c.titre).join(';')]
  const ligne = (s: StructureDataInclusion, sv: ServiceDataInclusion | undefined) =>
    COLONNES_CSV.map(({ source, champ }) => {
      const enregistrement = (source === 'structure' ? s : sv) as Ligne | undefined
      return celluleCsv(enregistrement ? valeurCellule(champ, enregistrement[champ]) : undefined)
    }).join(';')
  for (const s of donnees.structures) {
    const services = parStructure.get(s.id) ?? []
    if (services.length === 0) lignes.push(ligne(s, undefined))
    for (const sv of services) lignes.push(ligne(s, sv))
  }
  return `\uFEFF${lignes.join('\r\n')}\r\n`
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

const LARGEUR_MIN = 8
const LARGEUR_MAX = 60

function feuille(classeur: ExcelJS.Workbook, nom: string, colonnes: string[], lignes: Ligne[]) {
  const ws = classeur.addWorksheet(nom, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = colonnes.map((c) => ({ header: c, key: c }))
  for (const l of lignes) {
    const valeurs: Record<string, unknown> = {}
    for (const c of colonnes) {
      const v = l[c]
      if (c === 'date_maj' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        const [a, m, j] = v.split('-').map(Number) as [number, number, number]
        valeurs[c] = new Date(Date.UTC(a, m - 1, j))
      } else valeurs[c] = valeurCellule(c, v)
    }
    ws.addRow(valeurs)
  }
  ws.getRow(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: colonnes.length } }
  colonnes.forEach((c, i) => {
    const col = ws.getColumn(i + 1)
    if (c === 'date_maj') col.numFmt = 'dd/mm/yyyy'
    let largeur = c.length
    col.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value
      const n = v instanceof Date ? 10 : String(v ?? '').length
      if (n > largeur) largeur = n
    })
    col.width = Math.min(LARGEUR_MAX, Math.max(LARGEUR_MIN, largeur + 2))
  })
}

/** Classeur XLSX : « Structures » (une ligne par structure) et « Services » (avec l'identifiant et le nom de la structure). */
export async function versXlsx(donnees: FichierDataInclusion): Promise<Buffer> {
  const classeur = new ExcelJS.Workbook()
  classeur.creator = 'Passerelle'
  classeur.created = new Date()
  feuille(classeur, 'Structures', [...CHAMPS_STRUCTURE], donnees.structures as unknown as Ligne[])
  const nomStructure = new Map(donnees.structures.map((s) => [s.id, s.nom]))
  const colonnesServices = [...CHAMPS_SERVICE] as string[]
  colonnesServices.splice(colonnesServices.indexOf('structure_id') + 1, 0, 'structure_nom')
  feuille(
    classeur,
    'Services',
    colonnesServices,
    donnees.services.map((sv) => ({ ...sv, structure_nom: nomStructure.get(sv.structure_id) })),
  )
  return Buffer.from(await classeur.xlsx.writeBuffer())
}

export type FormatExport = 'json' | 'csv' | 'xlsx'

/** Contenu du fichier exporté dans le format demandé. */
export async function serialiser(donnees: FichierDataInclusion, format: FormatExport): Promise<string | Buffer> {
  if (format === 'json') return versJson(donnees)
  if (format === 'csv') return versCsv(donnees)
  return versXlsx(donnees)
}
