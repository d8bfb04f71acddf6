/** Au-dessus de la liste des structures : exporter l'annuaire (data·inclusion) et imprimer la liste d'un secteur. */
export function LiensExportAnnuaire() {
  return (
    <p style={{ margin: '0 0 1rem' }}>
      Exporter l’annuaire : <a href="/api/structures/export?format=xlsx">Excel (XLSX)</a> ·{' '}
      <a href="/api/structures/export?format=csv">CSV</a> · <a href="/api/structures/export?format=json">data·inclusion (JSON)</a> ·{' '}
      <a href="/annuaire/secteur">Liste imprimable par secteur</a>
    </p>
  )
}
