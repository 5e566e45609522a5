package io.isotrace.cli.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A static AArch64 ELF holding just the given instruction words at 0x400078 (the entry), for command-line tests
 * that need a guest with one particular instruction: ELF header, one R+X PT_LOAD from offset 0, the null and
 * .shstrtab section headers the ELF reader insists on.
 */
public final class TinyElf {
    private static final long BASE = 0x40_0000L;

    private TinyElf() {
    }

    public static byte[] of(int... words) {
        int codeOff = 64 + 56;
        byte[] names = "\0.shstrtab\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int namesOff = codeOff + 4 * words.length;
        int shOff = (namesOff + names.length + 7) & -8;
        ByteBuffer b = ByteBuffer.allocate(shOff + 2 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.putShort((short) 2).putShort((short) 183).putInt(1);
        b.putLong(BASE + codeOff).putLong(64).putLong(shOff);
        b.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1);
        b.putShort((short) 64).putShort((short) 2).putShort((short) 1);
        b.putInt(1).putInt(5).putLong(0).putLong(BASE).putLong(BASE).putLong(namesOff).putLong(namesOff)
                .putLong(0x1000);
        for (int w : words) {
            b.putInt(w);
        }
        b.put(names);
        b.position(shOff + 64);
        b.putInt(1).putInt(3).putLong(0).putLong(0).putLong(namesOff).putLong(names.length).putInt(0).putInt(0)
                .putLong(1).putLong(0);
        return b.array();
    }
}
