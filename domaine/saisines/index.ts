/**
 * Les saisines, sans Payload : schéma, cycle de vie et droits, retours permis
 * à l'unité qui a saisi (article 4), clé pseudonyme d'une personne, brouillon,
 * suivi (actes, orientations), signalements judiciaires, conservation,
 * courriel de notification. La collection, les pages et l'API de l'espace
 * connecté appellent ce module.
 */
export * from './brouillon'
export * from './cle-personne'
export * from './notification'
export * from './retention'
export * from './retours'
export * from './schema'
export * from './signalements'
export * from './statuts'
export * from './suivi'
