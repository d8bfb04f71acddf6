/**
 * Les saisines, sans Payload : schéma, cycle de vie et droits, retours permis
 * à l'unité qui a saisi (article 4), clé pseudonyme d'une personne, brouillon.
 * La collection, les pages et l'API de l'espace connecté appellent ce module.
 */
export * from './brouillon'
export * from './cle-personne'
export * from './retours'
export * from './schema'
export * from './statuts'
