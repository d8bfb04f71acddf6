/** L'heure de Paris et ses mots : le seul endroit où le fuseau « Europe/Paris » est écrit. */
export * from './en-mots'
export * from './paris'
