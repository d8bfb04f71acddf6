import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Aucune donnée personnelle dans le journal du serveur : chaque portail de
 * test (le portail partagé comme ceux qu'un fichier démarre pour lui) garde
 * ses sorties standard et d'erreur dans `serveur.log` ; à son arrêt, on y
 * cherche les courriels et téléphones du contenu amorcé (`content/`) et tout ce
 * qu'un test a « semé » sur ce portail (noms, courriels, téléphones, textes
 * saisis), sous les formes où un journal pourrait les écrire.
 */
const racine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const fichierSemees = (dossier: string) => path.join(dossier, 'donnees-semees.jsonl')

/** Note des valeurs saisies sur ce portail : elles ne doivent jamais paraître dans son journal (une par ligne, en JSON). */
export function semer(dossier: string, ...valeurs: string[]) {
  appendFileSync(fichierSemees(dossier), valeurs.map((v) => `${JSON.stringify(v)}\n`).join(''))
}

const COURRIEL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/g
const TELEPHONE = /\b0[1-9](?:[ .]?[0-9]{2}){4}\b/g

/** Les courriels et téléphones du contenu amorcé (annuaire de démonstration, postes) : des coordonnées que le journal n'a pas à connaître. */
export function donneesDuContenu(): string[] {
  const trouvees = new Set<string>()
  for (const nom of readdirSync(path.join(racine, 'content')).filter((f) => f.endsWith('.json'))) {
    const texte = readFileSync(path.join(racine, 'content', nom), 'utf8')
    for (const m of texte.matchAll(COURRIEL)) trouvees.add(m[0])
    for (const m of texte.matchAll(TELEPHONE)) trouvees.add(m[0])
  }
  return [...trouvees]
}

export function donneesSemees(dossier: string): string[] {
  const semees = existsSync(fichierSemees(dossier))
    ? readFileSync(fichierSemees(dossier), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string)
    : []
  return [...new Set([...donneesDuContenu(), ...semees])]
}

/** Les formes sous lesquelles une valeur pourrait être écrite : telle quelle, échappée en JSON (UTF-8 ou ASCII), encodée dans une URL, chiffres seuls pour un téléphone. */
function formes(valeur: string): string[] {
  const json = JSON.stringify(valeur).slice(1, -1)
  // Échappé en ASCII (\u00e9), comme certains journaux JSON l'écrivent.
  const ascii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  const f = new Set([valeur, json, ascii, encodeURIComponent(valeur), new URLSearchParams({ v: valeur }).toString().slice(2)])
  const chiffres = valeur.replace(/[\s.]/g, '')
  if (/^\+?\d{9,}$/.test(chiffres)) f.add(chiffres)
  return [...f].filter((x) => x.length >= 4)
}

/** Les valeurs semées que le texte du journal contient (sans égard à la casse). */
export function fuitesDansLeJournal(journal: string, valeurs: readonly string[]): string[] {
  const bas = journal.toLowerCase()
  return valeurs.filter((v) => formes(v).some((f) => bas.includes(f.toLowerCase())))
}

/** Lève une erreur qui nomme chaque valeur trouvée dans le journal de ce portail (et le fichier, gardé pour l'examen). */
export function verifierJournalSansDonnee(dossier: string, journal: string) {
  if (!existsSync(journal)) return
  const fuites = fuitesDansLeJournal(readFileSync(journal, 'utf8'), donneesSemees(dossier))
  if (fuites.length)
    throw new Error(`Donnée personnelle dans le journal du serveur (${journal}) : ${fuites.map((v) => `« ${v} »`).join(', ')}`)
}
