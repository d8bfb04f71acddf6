import type { RapportImport } from './importer'
import type { Rejet } from '../../../domaine/annuaire/rejets'

/** Rapport d'import en français, pour la ligne de commande (ni valeur ni donnée personnelle : identifiants et noms de champs). */

const accord = (n: number, singulier: string, pluriel: string) => `${n} ${n > 1 ? pluriel : singulier}`

export const decrireRejet = (r: Rejet) =>
  `${r.position}${r.id ? ` (id ${r.id})` : ''}${r.champ ? `, champ ${r.champ}` : ''} : ${r.raison}`

/** Nombre d'enregistrements distincts rejetés (un enregistrement peut avoir plusieurs problèmes). */
export const nombreRejetes = (rapport: Pick<RapportImport, 'rejetes'>) =>
  new Set(rapport.rejetes.filter((r) => r.position !== 'racine du fichier').map((r) => r.position)).size

function liste<T>(elements: T[], max: number, ligne: (e: T) => string): string[] {
  const lignes = elements.slice(0, max).map((e) => `    - ${ligne(e)}`)
  if (elements.length > max) lignes.push(`    … et ${elements.length - max} de plus`)
  return lignes
}

export function formaterRapport(rapport: RapportImport, { maxLignes = 200 }: { maxLignes?: number } = {}): string {
  const l: string[] = []
  const mode = [rapport.simulation ? 'simulation' : '', rapport.partiel ? 'import partiel' : ''].filter(Boolean).join(', ')
  l.push(`Import data·inclusion de ${rapport.fichier}${mode ? ` (${mode})` : ''}`)
  if (!rapport.annule) {
    l.push(
      `  Structures : ${accord(rapport.crees.structures, 'créée', 'créées')}, ${accord(rapport.modifies.structures, 'modifiée', 'modifiées')}, ` +
        `${accord(rapport.inchanges.structures, 'inchangée', 'inchangées')}`,
    )
    l.push(
      `  Services   : ${accord(rapport.crees.services, 'créé', 'créés')}, ${accord(rapport.modifies.services, 'modifié', 'modifiés')}, ` +
        `${accord(rapport.inchanges.services, 'inchangé', 'inchangés')}`,
    )
  }
  const rejetes = nombreRejetes(rapport)
  if (rapport.rejetes.length > 0) {
    const structurel = rapport.rejetes.some((r) => r.position === 'racine du fichier')
    l.push(
      structurel && rejetes === 0
        ? '  Fichier mal formé :'
        : `  Rejetés   : ${accord(rejetes, 'enregistrement', 'enregistrements')} (${accord(rapport.rejetes.length, 'problème', 'problèmes')}) :`,
    )
    l.push(...liste(rapport.rejetes, maxLignes, decrireRejet))
  }
  if (rapport.modifications.length > 0) {
    l.push(`  Modifications${rapport.simulation ? ' prévues' : ''} :`)
    l.push(...liste(rapport.modifications, maxLignes, (m) => `${m.position} (id ${m.id}) : ${m.champs.join(', ')}`))
  }
  if (rapport.avertissements.length > 0) {
    l.push('  Avertissements :')
    l.push(...liste(rapport.avertissements, maxLignes, decrireRejet))
  }
  const { structures: sa, services: va } = rapport.absents
  if (sa + va > 0)
    l.push(
      `  Absents du fichier : ${accord(sa, 'structure', 'structures')} et ${accord(va, 'service', 'services')} déjà dans l'annuaire, ` +
        `conservés (l'import ne supprime rien).`,
    )
  else l.push("  L'import ne supprime rien : tout enregistrement de l'annuaire absent du fichier est conservé.")

  const duree = `${(rapport.dureeMs / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`
  if (rapport.annule) {
    l.push(
      rejetes > 0
        ? `Import annulé : aucune donnée modifiée (${accord(rejetes, 'enregistrement rejeté', 'enregistrements rejetés')}). ` +
            'Corrigez le fichier, ou relancez avec --partial pour importer les seuls enregistrements valides.'
        : 'Import annulé : aucune donnée modifiée (fichier mal formé).',
    )
    if (rapport.simulation) l.push("Mode simulation : rien n'a été écrit.")
  } else if (rapport.simulation) l.push(`Mode simulation : rien n'a été écrit (${duree}).`)
  else if (rapport.ecrit)
    l.push(
      `Import terminé en ${duree} : modifications enregistrées` +
        `${rejetes > 0 ? ` (${accord(rejetes, 'enregistrement rejeté non importé', 'enregistrements rejetés non importés')})` : ''}.`,
    )
  else l.push(`Aucun changement : l'annuaire était déjà à jour (${duree}).`)
  return l.join('\n')
}
