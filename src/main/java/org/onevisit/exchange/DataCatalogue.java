package org.onevisit.exchange;

import java.util.List;
import java.util.Optional;

/** The registries and the data elements they share (数据共享目录). */
public interface DataCatalogue {

	List<Registry> registries();

	Optional<Registry> registry(String code);

	List<DataElement> elements();

	Optional<DataElement> element(String code);

}
