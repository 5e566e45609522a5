package io.isotrace.controller.dram.spec;

/**
 * How a memory system is built: channels of ranks of bank groups of banks of rows of columns, and the data bus that
 * moves one burst per column command.
 *
 * @param channels      independent channels, each with its own controller and buses
 * @param ranks         ranks per channel (share the channel's command and data buses)
 * @param bankGroups    bank groups per rank (1 for standards without bank groups)
 * @param banksPerGroup banks per bank group
 * @param rows          rows per bank
 * @param columns       columns per row, in device-width units (DRAMSim3's convention)
 * @param deviceWidth   data bits per device (x4, x8, x16 ...)
 * @param busWidth      data bits of one channel
 * @param burstLength   beats per column command (BL8, BL16 ...)
 */
public record Organization(int channels, int ranks, int bankGroups, int banksPerGroup, int rows, int columns,
                           int deviceWidth, int busWidth, int burstLength) {
    public Organization {
        positivePowerOfTwo("channels", channels);
        positivePowerOfTwo("ranks", ranks);
        positivePowerOfTwo("bankGroups", bankGroups);
        positivePowerOfTwo("banksPerGroup", banksPerGroup);
        positivePowerOfTwo("rows", rows);
        positivePowerOfTwo("columns", columns);
        positivePowerOfTwo("deviceWidth", deviceWidth);
        positivePowerOfTwo("busWidth", busWidth);
        positivePowerOfTwo("burstLength", burstLength);
        if (busWidth < deviceWidth) {
            throw new IllegalArgumentException("busWidth " + busWidth + " is narrower than deviceWidth " + deviceWidth);
        }
        if (columns < burstLength) {
            throw new IllegalArgumentException("columns " + columns + " fewer than one burst of " + burstLength);
        }
    }

    private static void positivePowerOfTwo(String name, int v) {
        if (v <= 0 || Integer.bitCount(v) != 1) {
            throw new IllegalArgumentException(name + " must be a positive power of two, got " + v);
        }
    }

    /** Bytes one column command moves: bus width x burst length. */
    public int burstBytes() {
        return busWidth / 8 * burstLength;
    }

    public int banksPerRank() {
        return bankGroups * banksPerGroup;
    }

    public int banksPerChannel() {
        return ranks * banksPerRank();
    }

    /** Column commands per row: columns / burst length. */
    public int burstsPerRow() {
        return columns / burstLength;
    }

    /** Bytes in one row across the rank's devices (the row buffer, or page). */
    public long rowBytes() {
        return (long) columns * busWidth / 8;
    }

    public long channelBytes() {
        return rowBytes() * rows * banksPerChannel();
    }

    public long totalBytes() {
        return channelBytes() * channels;
    }

    public Organization withChannels(int v) {
        return new Organization(v, ranks, bankGroups, banksPerGroup, rows, columns, deviceWidth, busWidth, burstLength);
    }

    public Organization withRanks(int v) {
        return new Organization(channels, v, bankGroups, banksPerGroup, rows, columns, deviceWidth, busWidth, burstLength);
    }
}
