import type { Menu as MenuType, MenuItemConstructorOptions } from 'electron';
import type { CallCore } from './ipc';

export interface MenuDeps {
  call: CallCore;
}

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          id: 'lock',
          label: 'Lock workbench',
          accelerator: 'CmdOrCtrl+L',
          click: () => void deps.call('workbench.lock', {}),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
}

export function buildMenu(deps: MenuDeps, Menu: typeof MenuType): MenuType {
  return Menu.buildFromTemplate(menuTemplate(deps));
}
