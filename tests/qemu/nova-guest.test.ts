import { NOVA_PPC64_DEVICES } from '../../src/qemu/device-build.js'
import { deviceRefusal, novaDeviceArgv } from '../../src/qemu/nova-guest.js'
import { QemuStartError } from '../../src/guest/qemu.js'

describe("the nova-shaped guest's devices", () => {
  it('puts every device nova gives a ppc64 guest on the command line (the console, root disk and panic come with the machine)', () => {
    const argv = novaDeviceArgv('/tmp/cd.iso')
    const drivers = argv.flatMap((arg, i) => (argv[i - 1] === '-device' ? [arg.split(',')[0]] : []))
    expect(drivers).toEqual(
      NOVA_PPC64_DEVICES.map((d) => d.driver).filter(
        (d) => !['spapr-vty', 'virtio-blk-pci', 'pseries-panic'].includes(d),
      ),
    )
    expect(argv).toContain('scsi-cd,bus=scsi0.0,drive=cdrom0')
  })

  it('names a device the built QEMU lacks, with the symbols that enable it', () => {
    const error = deviceRefusal(
      new QemuStartError(
        'qemu-system-ppc64 could not start the guest',
        "qemu-system-ppc64: -device usb-kbd,bus=usb.0: 'usb-kbd' is not a valid device model name",
      ),
    )
    expect(error?.message).toBe(
      "The built qemu-system-ppc64 lacks usb-kbd (the USB keyboard (<input type='keyboard' bus='usb'>)), which libvirt and nova put on every ppc64 guest: qemu-system-ppc64: -device usb-kbd,bus=usb.0: 'usb-kbd' is not a valid device model name; expected the device file to enable CONFIG_USB and CONFIG_USB_HID",
    )
  })

  it('names a device QEMU refuses for another reason, without blaming the device file', () => {
    const error = deviceRefusal(
      new QemuStartError(
        'x',
        'qemu-system-ppc64: -device virtio-net-pci,mac=52:54:00:00:00:01: failed to find romfile "efi-virtio.rom"',
      ),
    )
    expect(error?.message).toMatch(
      /^The built qemu-system-ppc64 refuses virtio-net-pci \(the network .*failed to find romfile "efi-virtio.rom"$/,
    )
    expect(
      deviceRefusal(new QemuStartError('x', 'qemu-system-ppc64: cannot set up guest memory')),
    ).toBeUndefined()
  })
})
