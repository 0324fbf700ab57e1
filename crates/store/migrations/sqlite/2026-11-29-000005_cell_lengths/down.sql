DROP TABLE cell_lengths;
