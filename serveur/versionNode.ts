/**
 * Garde-fou de version de Node.js, importé en premier par chaque point d'entrée.
 *
 * Le projet épingle son moteur : la dépendance npm « node » (version exacte dans
 * package.json) installe Node.js 24 dans node_modules, et npm met
 * node_modules/.bin en tête du PATH de chaque script (`npm start`, `npm test`,
 * `npm run …`, `npx`). On n'arrive donc ici sous un Node plus ancien qu'en
 * contournant npm (`node --import tsx …`) ou avec des dépendances installées
 * avant l'épinglage, ou sans leurs scripts d'installation : le message dit
 * alors quoi faire, au lieu d'une erreur obscure d'Astro ou de Next une minute
 * plus tard.
 */

/** Version majeure de Node.js sous laquelle Passerelle est construit et testé (celle de la dépendance « node »). */
export const MAJEURE_NODE = 24

export function versionNodeAcceptee(version: string = process.versions.node): boolean {
  return Number(version.split('.')[0]) >= MAJEURE_NODE
}

export function messageVersionNode(version: string = process.versions.node, executable: string = process.execPath): string {
  return [
    `Passerelle demande Node.js ${MAJEURE_NODE} ; ce processus tourne sous Node.js ${version} (${executable}).`,
    `Passez par npm, qui utilise le Node.js ${MAJEURE_NODE} installé dans le projet :`,
    `  npm install      (installe aussi Node.js ${MAJEURE_NODE} dans node_modules ; sans --ignore-scripts)`,
    `  npm start        (ou npm test, npm run seed…)`,
  ].join('\n')
}

if (!versionNodeAcceptee()) {
  console.error(messageVersionNode())
  process.exit(1)
}
