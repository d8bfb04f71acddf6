/**
 * Les indicateurs d'activité du cahier des charges (« Modalités de suivi de
 * l'activité »), sans Payload ni base : périodes, règles de comptage écrites
 * en français et appliquées, agrégation de référence, calcul des neuf
 * indicateurs à partir des lignes agrégées, secret statistique et version
 * du financeur. Les requêtes
 * SQL qui produisent les lignes agrégées sont dans cms/indicateurs/.
 */
export * from './agregats'
export * from './agregation'
export * from './calcul'
export * from './financeur'
export * from './periodes'
export * from './regles'
export * from './secret-statistique'
export * from './rapport'
export * from './demande'
